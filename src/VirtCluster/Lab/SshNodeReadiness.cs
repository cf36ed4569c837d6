using VirtCluster.Images;
using VirtCluster.Resources.Libvirt;

namespace VirtCluster.Lab;

/// <summary>
/// A node is ready when it has printed its SSH host key on the serial console (the key is pinned from
/// there, never accepted on first contact) and answers over SSH with its own name.
/// </summary>
public sealed class SshNodeReadiness(string? labNamespace, StackKeys keys, TimeSpan bootTimeout) : INodeReadiness
{
    public async Task<NodeReadiness> WaitUntilReadyAsync(NodeInputs nodeInputs, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var node = nodeInputs.Name;
        var address = nodeInputs.Addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException($"{node}: no address to reach it at (input 'addresses' is empty)");
        var consoleLog = nodeInputs.SerialLog
            ?? throw new InvalidOperationException($"{node}: no console log to read its host key from (input 'serialLog' is missing)");
        var started = DateTime.UtcNow;

        progress?.Report("booting: waiting for the host key on the console");
        var hostKey = nodeInputs.Via is { } via
            ? await WaitForHostKeyOnHostAsync(node, via, consoleLog, bootTimeout, cancellationToken)
            : await WaitForHostKeyAsync(node, consoleLog, bootTimeout, cancellationToken);
        var remaining = bootTimeout - (DateTime.UtcNow - started);
        var route = nodeInputs.Via is null ? new NodeRoute(Namespace: labNamespace) : new NodeRoute(Via: nodeInputs.Via);
        await using var shell = await NodeShell.ConnectAsync(
            route, node, address, hostKey, keys.Admin, remaining > TimeSpan.FromSeconds(10) ? remaining : TimeSpan.FromSeconds(10), progress, cancellationToken);
        var hostname = (await shell.Ssh.RunAsync(["hostname"], TimeSpan.FromSeconds(30), cancellationToken)).EnsureSuccess("read the host name");
        if (hostname.Stdout.Trim() != node)
        {
            throw new InvalidOperationException($"{node}: answered at {address} as '{hostname.Stdout.Trim()}'");
        }

        return new NodeReadiness(hostKey);
    }

    private static async Task<string> WaitForHostKeyAsync(string node, string consoleLog, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(consoleLog) && ConsoleHostKey.Find(await ReadSharedAsync(consoleLog, cancellationToken)) is { } key)
            {
                return key;
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException(
            $"{node}: no host key on its console within {timeout.TotalSeconds:0} s; the guest did not finish booting (see {consoleLog})");
    }

    /// <summary>The console log is on the node's host: read over the host's SSH session, as on any real host.</summary>
    private async Task<string> WaitForHostKeyOnHostAsync(string node, HostHop host, string consoleLog, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        await using var shell = await HostShell.ConnectAsync(host, keys.Admin, cancellationToken);
        while (DateTime.UtcNow < deadline)
        {
            var read = await shell.RunAsync(["cat", consoleLog], TimeSpan.FromSeconds(30), cancellationToken);
            if (read.Succeeded && ConsoleHostKey.Find(read.Stdout) is { } key)
            {
                return key;
            }

            await Task.Delay(1000, cancellationToken);
        }

        throw new TimeoutException(
            $"{node}: no host key on its console within {timeout.TotalSeconds:0} s; the guest did not finish booting (see {consoleLog} on {host.Name})");
    }

    /// <summary>The console log is still being written by QEMU: open it without locking it.</summary>
    private static async Task<string> ReadSharedAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
