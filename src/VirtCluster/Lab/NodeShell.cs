using System.Net;
using VirtCluster.Remote;

namespace VirtCluster.Lab;

/// <summary>
/// An SSH session to a node, made along its route: through the host it runs on (an SSH session to the host, whose
/// host key is pinned, carrying a forwarded port to the guest), or, for the single-machine lab, from inside the lab's
/// network namespace (a forwarder on 127.0.0.1 whose outgoing sockets are created in the namespace). Either way the
/// node's host key must be the one pinned from its console.
/// </summary>
public sealed class NodeShell : IAsyncDisposable
{
    private readonly IAsyncDisposable? _forwarder;
    private readonly SshRunner? _host;
    private readonly SshTunnel? _tunnel;

    private NodeShell(SshRunner ssh, IAsyncDisposable? forwarder, SshRunner? host, SshTunnel? tunnel)
    {
        Ssh = ssh;
        _forwarder = forwarder;
        _host = host;
        _tunnel = tunnel;
    }

    public SshRunner Ssh { get; }

    /// <summary>Connects, retrying while the node boots, until <paramref name="within"/> has passed.</summary>
    public static async Task<NodeShell> ConnectAsync(
        NodeRoute route,
        string node,
        string address,
        string hostKey,
        SshKeyPair admin,
        TimeSpan within,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        if (route.Via is { } via)
        {
            var host = await HostShell.ConnectAsync(via, admin, cancellationToken);
            SshTunnel? tunnel = null;
            try
            {
                tunnel = host.Forward(address, 22);
                var ssh = await WaitAsync(node, tunnel.LocalPort, hostKey, admin, within, progress, cancellationToken);
                return new NodeShell(ssh, null, host, tunnel);
            }
            catch
            {
                tunnel?.Dispose();
                await host.DisposeAsync();
                throw;
            }
        }

        var labNamespace = route.Namespace ?? throw new ArgumentException($"{node}: the route names neither a host nor a namespace", nameof(route));
        var forwarder = await NamespaceTcpForwarder.StartAsync(labNamespace, new IPEndPoint(IPAddress.Parse(address), 22));
        try
        {
            var ssh = await WaitAsync(node, forwarder.LocalPort, hostKey, admin, within, progress, cancellationToken);
            return new NodeShell(ssh, forwarder, null, null);
        }
        catch
        {
            await forwarder.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Ssh.DisposeAsync();
        _tunnel?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_forwarder is not null)
        {
            await _forwarder.DisposeAsync();
        }
    }

    private static async Task<SshRunner> WaitAsync(
        string node, int localPort, string hostKey, SshKeyPair admin, TimeSpan within, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var knownHosts = new KnownHosts();
        knownHosts.Pin(node, hostKey);
        return await SshRunner.WaitUntilReadyAsync(
            new SshEndpoint(node, "127.0.0.1", localPort),
            SshIdentity.FromKeyPair("root", admin),
            knownHosts,
            within,
            progress is null ? null : new Progress<SshWaitProgress>(p => progress.Report($"waiting for SSH ({p.Reason})")),
            cancellationToken: cancellationToken);
    }
}

/// <summary>How the tool reaches a node: through the host it runs on, or from inside the single-machine lab's namespace.</summary>
/// <param name="Namespace">The lab's network namespace (single-machine lab).</param>
/// <param name="Via">The node's host, reached over SSH.</param>
public sealed record NodeRoute(string? Namespace = null, HostHop? Via = null);

/// <summary>A host as the tool reaches it over SSH: its name, address and port, and its pinned host keys.</summary>
/// <param name="Name">The host's name in the stack.</param>
/// <param name="Address">Where it answers SSH.</param>
/// <param name="Port">Its SSH port.</param>
/// <param name="HostKey">One or more OpenSSH public key lines (one per line): the keys the host may present.</param>
public sealed record HostHop(string Name, string Address, int Port, string HostKey)
{
    /// <summary>The user the tool logs in as.</summary>
    public string User { get; init; } = "root";

    /// <summary>The private key the host accepts; null for the stack's admin key (a simulated host authorizes it).</summary>
    public string? IdentityFile { get; init; }

    public IEnumerable<string> HostKeyLines() => HostKey.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>SSH sessions to hosts, with the host's key pinned and the key it accepts (its own, or the stack's admin key).</summary>
public static class HostShell
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    public static Task<SshRunner> ConnectAsync(HostHop host, SshKeyPair admin, CancellationToken cancellationToken)
    {
        var knownHosts = new KnownHosts();
        foreach (var line in host.HostKeyLines())
        {
            knownHosts.Pin(host.Name, line);
        }

        var identity = host.IdentityFile is { } file ? SshIdentity.FromKeyFile(host.User, file) : SshIdentity.FromKeyPair(host.User, admin);
        return SshRunner.WaitUntilReadyAsync(
            new SshEndpoint(host.Name, host.Address, host.Port), identity, knownHosts, Within, cancellationToken: cancellationToken);
    }
}
