using System.Collections.Concurrent;
using VirtCluster.Libvirt;

namespace VirtCluster.Resources.Libvirt;

/// <summary>
/// One open connection per host and URI for the life of a run. Sharing matters beyond cost: the test driver keeps
/// its objects only as long as the connection that made them, so every provider must see the same one. Keying by
/// host too keeps simulated hosts apart: they share a host XML (one URI), but each must be its own libvirt.
/// </summary>
public sealed class LibvirtConnections : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<LibvirtConnection>> _open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Action> _daemons = new(StringComparer.Ordinal);

    /// <param name="uri">The libvirt URI.</param>
    /// <param name="host">The stack's name for the host; null where only one host uses the URI.</param>
    public LibvirtConnection Get(string uri, string? host = null) =>
        _open.GetOrAdd(Key(uri, host), _ => new Lazy<LibvirtConnection>(() =>
        {
            if (_daemons.TryGetValue(uri, out var ensureRunning))
            {
                ensureRunning();
            }

            return LibvirtConnection.Open(uri);
        })).Value;

    /// <summary>
    /// Registers the tool's own daemon behind <paramref name="uri"/> (a lab's libvirtd): before the first connection
    /// of a run, <paramref name="ensureRunning"/> restarts it if it died since.
    /// </summary>
    public void Supervise(string uri, Action ensureRunning) => _daemons[uri] = ensureRunning;

    /// <summary>Closes every connection to a URI (e.g. before the daemon behind it is stopped).</summary>
    public void Forget(string uri)
    {
        foreach (var key in _open.Keys.Where(k => k.EndsWith("|" + uri, StringComparison.Ordinal)))
        {
            Close(key);
        }
    }

    public void Dispose()
    {
        foreach (var key in _open.Keys)
        {
            Close(key);
        }
    }

    private static string Key(string uri, string? host) => (host ?? string.Empty) + "|" + uri;

    private void Close(string key)
    {
        if (_open.TryRemove(key, out var lazy) && lazy.IsValueCreated)
        {
            lazy.Value.Dispose();
        }
    }
}
