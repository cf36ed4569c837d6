namespace VirtCluster.Remote;

/// <summary>One failed attempt while waiting for a booting host's SSH server, for progress display.</summary>
/// <param name="Endpoint">The host being waited for.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="Elapsed">Time since waiting began.</param>
/// <param name="Reason">Why the attempt failed (e.g. "Connection refused").</param>
public sealed record SshWaitProgress(SshEndpoint Endpoint, int Attempt, TimeSpan Elapsed, string Reason);
