namespace VirtCluster.Linux;

/// <summary>
/// How <see cref="HostCommand.RunAsync(IReadOnlyList{string}, ProcessOptions, CancellationToken)"/> runs one
/// program. The defaults suit a short command: no timeout, output kept whole, the process tree killed at once
/// when the caller cancels.
/// </summary>
internal sealed record ProcessOptions
{
    /// <summary>The defaults.</summary>
    public static readonly ProcessOptions None = new();

    /// <summary>Where the program starts; null for this process's current folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>When the program is stopped and the result marked timed out; null waits for as long as it runs.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Receives each output line (stdout and stderr) as it arrives, for a progress display.</summary>
    public IProgress<string>? Lines { get; init; }

    /// <summary>
    /// Characters kept per stream (and for the combined output); the rest is read and dropped, so a chatty
    /// program cannot fill memory. Null keeps everything.
    /// </summary>
    public int? OutputLimit { get; init; }

    /// <summary>
    /// How long a stopped program gets after SIGTERM before its tree is killed. Zero kills at once; a program
    /// that must clean up (mmdebstrap unmounting what it mounted) needs seconds.
    /// </summary>
    public TimeSpan StopGracePeriod { get; init; }
}
