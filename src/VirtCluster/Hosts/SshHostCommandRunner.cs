using VirtCluster.Remote;

namespace VirtCluster.Hosts;

/// <summary>
/// Runs the host probes of a real host over its SSH connection. A command that outlives its timeout is an
/// error, as with <see cref="LocalHostCommandRunner"/>: a probe that hangs says nothing about the host.
/// </summary>
public sealed class SshHostCommandRunner(SshRunner runner) : IHostCommandRunner
{
    public async Task<HostCommandResult> RunAsync(IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(argv, timeout, cancellationToken);
        if (result.TimedOut)
        {
            throw new TimeoutException($"{result.Host}: '{result.Command}' did not finish within {timeout.TotalSeconds:0.#} s");
        }

        // A command killed by a signal has no exit status; -1 keeps it apart from every real status.
        return new HostCommandResult(result.ExitStatus ?? -1, result.Stdout, result.Stderr);
    }
}
