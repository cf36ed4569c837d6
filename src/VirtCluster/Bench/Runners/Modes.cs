namespace VirtCluster.Bench.Runners;

/// <summary>File modes of what the runner writes on a node: inputs are not secret, and other users' ranks may need to read them.</summary>
internal static class Modes
{
    public const UnixFileMode Readable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
}
