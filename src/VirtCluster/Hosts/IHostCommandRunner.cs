namespace VirtCluster.Hosts;

/// <summary>
/// Runs one command on a host (over SSH for real hosts, as a local process on this machine). Arguments are
/// passed as a vector so the runner, not the caller, quotes them.
/// </summary>
public interface IHostCommandRunner
{
    Task<HostCommandResult> RunAsync(IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken);
}
