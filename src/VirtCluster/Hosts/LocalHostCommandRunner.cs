using VirtCluster.Linux;

namespace VirtCluster.Hosts;

/// <summary>
/// Runs host commands as local processes: in lab mode the host is this machine, so its facts come from
/// here without SSH. A command that outlives its timeout is killed with its process tree and is an error,
/// as with <see cref="SshHostCommandRunner"/>: a probe that hangs says nothing about the host.
/// </summary>
public sealed class LocalHostCommandRunner : IHostCommandRunner
{
    public async Task<HostCommandResult> RunAsync(IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await HostCommand.RunAsync(argv, new ProcessOptions { Timeout = timeout }, cancellationToken).ConfigureAwait(false);
        if (result.StartError is not null)
        {
            // What a shell reports for a program it cannot find, so probes judge both runners alike.
            return new HostCommandResult(127, "", $"{argv[0]}: not found");
        }

        return result.TimedOut
            ? throw new TimeoutException($"'{string.Join(' ', argv)}' did not finish within {timeout.TotalSeconds:0.#} s")
            : new HostCommandResult(result.ExitCode!.Value, result.Stdout, result.Stderr);
    }
}
