using System.Collections.Concurrent;
using VirtCluster.Libvirt;

namespace VirtCluster.Resources.Libvirt;

/// <summary>
/// One open connection per URI for the life of a run. Sharing matters beyond cost: the test driver keeps its
/// objects only as long as the connection that made them, so every provider must see the same one.
/// </summary>
public sealed class LibvirtConnections : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<LibvirtConnection>> _open = new(StringComparer.Ordinal);

    public LibvirtConnection Get(string uri) =>
        _open.GetOrAdd(uri, u => new Lazy<LibvirtConnection>(() => LibvirtConnection.Open(u))).Value;

    /// <summary>Closes the connection to a URI (e.g. before the daemon behind it is stopped).</summary>
    public void Forget(string uri)
    {
        if (_open.TryRemove(uri, out var lazy) && lazy.IsValueCreated)
        {
            lazy.Value.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var uri in _open.Keys)
        {
            Forget(uri);
        }
    }
}
