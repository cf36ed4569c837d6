namespace VirtCluster.Bench.Runners;

/// <summary>File modes of what the runner writes on a node: inputs are not secret, and other users' ranks may need to read them.</summary>
internal static class Modes
{
    public const UnixFileMode Readable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>0755: a program every user's ranks can run.</summary>
    public const UnixFileMode Executable =
        Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
}
