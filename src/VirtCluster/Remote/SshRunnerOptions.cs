namespace VirtCluster.Remote;

/// <summary>Limits that keep a slow or chatty host from hanging or flooding the tool.</summary>
public sealed record SshRunnerOptions
{
    /// <summary>How long one connection attempt (TCP, key exchange, authentication) may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout for commands that do not pass their own.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// After a timeout or cancellation the command's process group gets SIGTERM, and SIGKILL if it has not
    /// exited after this long; then the channel is closed regardless.
    /// </summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Bytes of stdout kept per command; the rest is dropped and the result says so.</summary>
    public int MaxStdoutBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Bytes of stderr kept per command.</summary>
    public int MaxStderrBytes { get; init; } = 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static SshRunnerOptions Default { get; } = new();
}
