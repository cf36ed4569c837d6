using System.Net;
using VirtCluster.Remote;

namespace VirtCluster.Lab;

/// <summary>
/// An SSH session to a lab node. The node lives in the lab's network namespace, so the TCP connection is made
/// from inside it (a forwarder on 127.0.0.1 whose outgoing sockets are created in the namespace); the node's
/// host key must be the one pinned from its console.
/// </summary>
public sealed class NodeShell : IAsyncDisposable
{
    private readonly NamespaceTcpForwarder _forwarder;

    private NodeShell(NamespaceTcpForwarder forwarder, SshRunner ssh)
    {
        _forwarder = forwarder;
        Ssh = ssh;
    }

    public SshRunner Ssh { get; }

    /// <summary>Connects, retrying while the node boots, until <paramref name="within"/> has passed.</summary>
    public static async Task<NodeShell> ConnectAsync(
        string labNamespace,
        string node,
        string address,
        string hostKey,
        SshKeyPair admin,
        TimeSpan within,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var forwarder = await NamespaceTcpForwarder.StartAsync(labNamespace, new IPEndPoint(IPAddress.Parse(address), 22));
        try
        {
            var knownHosts = new KnownHosts();
            knownHosts.Pin(node, hostKey);
            var ssh = await SshRunner.WaitUntilReadyAsync(
                new SshEndpoint(node, "127.0.0.1", forwarder.LocalPort),
                SshIdentity.FromKeyPair("root", admin),
                knownHosts,
                within,
                progress is null ? null : new Progress<SshWaitProgress>(p => progress.Report($"waiting for SSH ({p.Reason})")),
                cancellationToken: cancellationToken);
            return new NodeShell(forwarder, ssh);
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
        await _forwarder.DisposeAsync();
    }
}
