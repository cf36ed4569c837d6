namespace VirtCluster.Images;

/// <summary>
/// A command run inside the image's root file system (chroot) after the packages and sources are in, e.g. compiling
/// a source with the image's MPI. Steps run in the order the spec lists them, each with a clean environment; a step
/// that exits non-zero fails the build. Steps are part of the image's cache key.
/// </summary>
/// <param name="Name">Names the step in progress lines and errors (lowercase letters, digits and '-').</param>
/// <param name="Run">The program and its arguments; a shell line in the spec is <c>/bin/sh -c LINE</c>.</param>
/// <param name="WorkDir">Absolute folder inside the image the step starts in; it must exist there.</param>
public sealed record ImageBuildStep(string Name, IReadOnlyList<string> Run, string WorkDir);
