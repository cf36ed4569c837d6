namespace VirtCluster.Images;

/// <summary>A file put into the image, owned by root.</summary>
/// <param name="Source">Absolute path on the build machine.</param>
/// <param name="RelativeSource">The path as written in the spec, relative to the spec's folder; used in the cache key so that moving the checkout does not rebuild.</param>
/// <param name="Target">Absolute path inside the guest.</param>
/// <param name="Mode">Permission bits, e.g. 0755 for scripts.</param>
public sealed record ImageFile(string Source, string RelativeSource, string Target, UnixFileMode Mode);
