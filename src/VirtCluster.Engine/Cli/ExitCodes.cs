namespace VirtCluster.Engine.Cli;

/// <summary>The process exit codes, documented in <c>--help</c>.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A resource operation failed (or preview found changes with --expect-no-changes).</summary>
    public const int OperationFailed = 1;

    /// <summary>Bad usage, configuration, inputs or state; nothing was changed.</summary>
    public const int UsageError = 2;

    /// <summary>Another run holds the stack's lock, or a stale lock needs --force-unlock.</summary>
    public const int StackLocked = 3;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT); SIGTERM gives 143.</summary>
    public const int Interrupted = 130;

    public const string Help =
        "Exit codes: 0 success, 1 an operation failed, 2 usage or configuration error, 3 stack locked, 130 interrupted (Ctrl-C).";
}
