using System.Diagnostics;

namespace VirtCluster.Hosts;

/// <summary>
/// Runs host commands as local processes: in lab mode the host is this machine, so its facts come from
/// here without SSH. A command that outlives its timeout is killed with its process tree.
/// </summary>
public sealed class LocalHostCommandRunner : IHostCommandRunner
{
    public async Task<HostCommandResult> RunAsync(IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (argv.Count == 0)
        {
            throw new ArgumentException("a command needs at least the program name", nameof(argv));
        }

        var start = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in argv.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new HostCommandResult(127, "", $"{argv[0]}: not found");
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"'{string.Join(' ', argv)}' did not finish within {timeout.TotalSeconds:0.#} s");
        }

        return new HostCommandResult(process.ExitCode, await stdout, await stderr);
    }
}
