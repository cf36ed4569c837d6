namespace VirtCluster.Linux;

/// <summary>
/// How a program run on this machine ended. Data, not a verdict: each caller maps it to its own contract
/// (an exception, a host-command result, a benchmark command result).
/// </summary>
/// <param name="ExitCode">The exit code; null when the program was stopped (timeout) or never started.</param>
/// <param name="Stdout">Standard output as written (up to the limit).</param>
/// <param name="Stderr">Standard error as written (up to the limit).</param>
/// <param name="Output">Both streams' lines in the order they arrived, for error messages and logs.</param>
/// <param name="Elapsed">Wall time from start to exit (or to the stop).</param>
internal sealed record ProcessResult(int? ExitCode, string Stdout, string Stderr, string Output, TimeSpan Elapsed)
{
    /// <summary>True when the timeout fired and the program's tree was stopped.</summary>
    public bool TimedOut { get; init; }

    /// <summary>Why the program could not be started (not installed, not executable); null when it ran.</summary>
    public string? StartError { get; init; }

    public bool StdoutTruncated { get; init; }

    public bool StderrTruncated { get; init; }
}
