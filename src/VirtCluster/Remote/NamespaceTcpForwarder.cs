using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using VirtCluster.Linux;

namespace VirtCluster.Remote;

/// <summary>
/// Makes a TCP service inside a network namespace reachable from the host namespace: listens on
/// 127.0.0.1 at a free port and, for each connection, dials the target from a socket created inside the
/// namespace and copies bytes both ways. Guests live on an isolated network inside the tool's namespace, so
/// this is how SSH (and anything else speaking TCP) reaches them without touching the host's network.
/// A connection the target refuses is closed at once, which a client sees as the server going away.
/// </summary>
public sealed class NamespaceTcpForwarder : IAsyncDisposable
{
    private readonly NetworkNamespace _namespace;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private readonly Task _acceptLoop;
    private bool _disposed;

    private NamespaceTcpForwarder(NetworkNamespace netns, Socket listener, IPEndPoint target)
    {
        _namespace = netns;
        _listener = listener;
        Target = target;
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Where clients in the host namespace connect: 127.0.0.1 and the port chosen at start.</summary>
    public IPEndPoint LocalEndPoint { get; }

    public int LocalPort => LocalEndPoint.Port;

    public string NamespaceName => _namespace.Name;

    /// <summary>The address and port dialled inside the namespace.</summary>
    public IPEndPoint Target { get; }

    /// <summary>
    /// Starts forwarding 127.0.0.1:(free port) to <paramref name="target"/> inside <paramref name="namespaceName"/>.
    /// Joining the namespace is tried once here, so a missing namespace or missing privilege fails now
    /// rather than on the first connection.
    /// </summary>
    public static async Task<NamespaceTcpForwarder> StartAsync(string namespaceName, IPEndPoint target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var netns = NetworkNamespace.Open(namespaceName);
        Socket? listener = null;
        try
        {
            (await netns.CreateTcpSocketAsync(target.AddressFamily).ConfigureAwait(false)).Dispose();
            listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(32);
            return new NamespaceTcpForwarder(netns, listener, target);
        }
        catch
        {
            listener?.Dispose();
            netns.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_connections.Keys).ConfigureAwait(false);
        _namespace.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException
                                      && _stopping.IsCancellationRequested)
            {
                return;
            }

            var connection = ForwardAsync(client);
            _connections.TryAdd(connection, true);
            _ = connection.ContinueWith(done => _connections.TryRemove(done, out _), TaskScheduler.Default);
        }
    }

    /// <summary>Never throws: a failed connection only closes that connection.</summary>
    private async Task ForwardAsync(Socket client)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        Socket? upstream = null;
        try
        {
            upstream = await _namespace.CreateTcpSocketAsync(Target.AddressFamily).ConfigureAwait(false);
            await upstream.ConnectAsync(Target, cancel.Token).ConfigureAwait(false);
            var toTarget = PumpAsync(client, upstream, cancel);
            var toClient = PumpAsync(upstream, client, cancel);
            await Task.WhenAll(toTarget, toClient).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The peer went away, the target refused, or the forwarder is stopping: close both ends.
        }
        finally
        {
            client.Dispose();
            upstream?.Dispose();
        }
    }

    /// <summary>
    /// Copies until <paramref name="from"/> ends, then half-closes <paramref name="to"/> so the other
    /// direction can still finish. An error aborts the whole connection.
    /// </summary>
    private static async Task PumpAsync(Socket from, Socket to, CancellationTokenSource connection)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, connection.Token).ConfigureAwait(false)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, connection.Token).ConfigureAwait(false);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch
        {
            await connection.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
