namespace VirtCluster.Remote;

/// <summary>
/// What a remote command did. A result is data, not a verdict: callers that need success call
/// <see cref="EnsureSuccess"/>, the one place that decides what counts as a failure.
/// </summary>
/// <param name="ExitStatus">The exit code, or null when the command died by a signal, timed out or was cut off.</param>
/// <param name="Signal">The signal name the server reported (e.g. <c>TERM</c>, <c>KILL</c>), without the SIG prefix.</param>
/// <param name="Stdout">Standard output decoded as UTF-8 (possibly truncated, see <see cref="StdoutTruncated"/>).</param>
/// <param name="Stderr">Standard error decoded as UTF-8, kept apart from stdout so parsers never see diagnostics.</param>
/// <param name="Elapsed">Wall time from sending the request to the end of the command.</param>
/// <param name="TimedOut">True when the per-command timeout fired and the command was stopped.</param>
public sealed record CommandResult(
    int? ExitStatus,
    string? Signal,
    string Stdout,
    string Stderr,
    TimeSpan Elapsed,
    bool TimedOut)
{
    /// <summary>The host name the command ran on, for error messages.</summary>
    public string Host { get; init; } = "";

    /// <summary>The command line exactly as sent (already quoted).</summary>
    public string Command { get; init; } = "";

    /// <summary>True when stdout exceeded the capture limit and its tail was dropped.</summary>
    public bool StdoutTruncated { get; init; }

    /// <summary>True when stderr exceeded the capture limit and its tail was dropped.</summary>
    public bool StderrTruncated { get; init; }

    /// <summary>Exit status 0, no signal, no timeout.</summary>
    public bool Succeeded => ExitStatus == 0 && Signal is null && !TimedOut;

    /// <summary>
    /// Returns this result when it succeeded, otherwise throws a <see cref="RemoteCommandException"/> that
    /// names the host, the command, how it ended and the end of its stderr.
    /// </summary>
    /// <param name="what">What the command was for, in words (e.g. "check the MPI version"); leads the message.</param>
    public CommandResult EnsureSuccess(string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        return Succeeded ? this : throw new RemoteCommandException(what, this);
    }
}
