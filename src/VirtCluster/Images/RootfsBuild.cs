using VirtCluster.Linux;

namespace VirtCluster.Images;

/// <summary>
/// The spec's own build inside a fresh root file system: copies the sources in, then runs each build step with
/// <c>chroot</c>, so that it compiles with the image's compilers and libraries (the image's MPI), not this machine's.
/// A step starts in its folder with a clean environment (below), so that what it produces depends on the image and
/// the spec only, as the cache key does; /proc and /sys are not mounted (compilers need neither).
/// </summary>
internal static class RootfsBuild
{
    /// <summary>The whole environment of a build step.</summary>
    private static readonly string[] Environment =
        ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root", "LC_ALL=C.UTF-8"];

    /// <summary>How long a stopped step (the build was cancelled) gets after SIGTERM before its tree is killed.</summary>
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>Copies every file of <paramref name="sources"/> to its target below <paramref name="rootfs"/>, owned by root.</summary>
    public static void CopySources(IReadOnlyList<ImageSource> sources, string rootfs)
    {
        foreach (var file in sources.SelectMany(source => source.Files()))
        {
            var target = Path.Combine(rootfs, file.Target.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file.Path, target, overwrite: true);
            Posix.SetMode(target, file.Mode);
        }
    }

    /// <summary>The command line that runs <paramref name="step"/> inside <paramref name="rootfs"/>.</summary>
    public static IReadOnlyList<string> Argv(ImageBuildStep step, string rootfs) =>
        ["chroot", rootfs, "/usr/bin/env", "-i", "-C", step.WorkDir, .. Environment, .. step.Run];

    /// <summary>
    /// Runs <paramref name="step"/>, reporting its output lines to <paramref name="progress"/>; throws with its exit
    /// code, folder and the end of its output when it fails.
    /// </summary>
    public static async Task RunAsync(ImageBuildStep step, string rootfs, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var options = new ProcessOptions { Lines = progress, StopGracePeriod = StopGracePeriod };
        var result = await HostCommand.RunAsync(Argv(step, rootfs), options, cancellationToken).ConfigureAwait(false);
        if (result.StartError is { } error)
        {
            throw new InvalidOperationException($"cannot run 'chroot': {error}; is coreutils installed?");
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{string.Join(' ', step.Run)}' in {step.WorkDir} exited with code {result.ExitCode}; the end of its output:{System.Environment.NewLine}"
                + HostCommand.Tail(result.Output));
        }
    }
}
