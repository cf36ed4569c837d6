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
    /// <remarks>
    /// A connection that cannot be opened fails every call of the run at once with
    /// <see cref="LibvirtUnreachableException"/>, naming the host: a host that does not answer costs one timeout per run.
    /// </remarks>
    public LibvirtConnection Get(string uri, string? host = null) =>
        _open.GetOrAdd(Key(uri, host), _ => new Lazy<LibvirtConnection>(() =>
        {
            EnsureRunning(uri);
            try
            {
                return LibvirtConnection.Open(uri);
            }
            catch (LibvirtConnectionException e)
            {
                throw new LibvirtUnreachableException(host, uri, e);
            }
        })).Value;

    /// <summary>
    /// Registers the tool's own daemons behind <paramref name="uri"/> (a lab's libvirtd; a simulated host's libvirtd
    /// and sshd): before the first connection of a run, and whenever <see cref="EnsureRunning"/> asks,
    /// <paramref name="ensureRunning"/> restarts what died since.
    /// </summary>
    public void Supervise(string uri, Action ensureRunning) => _daemons[uri] = ensureRunning;

    /// <summary>
    /// Restarts what died of the supervised daemons behind <paramref name="uri"/>; nothing for a URI nobody supervises
    /// (a real host). For a caller about to open new sessions to the host during the run: a simulated host's sshd
    /// killed after the connection was opened leaves the libvirt session (a connection of its own) alive, but refuses
    /// every new SSH session until it is back.
    /// </summary>
    public void EnsureRunning(string uri)
    {
        if (_daemons.TryGetValue(uri, out var ensureRunning))
        {
            ensureRunning();
        }
    }

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

/// <summary>libvirt at <see cref="Uri"/> could not be reached: the host is down or cut off, or its daemon refused.</summary>
public sealed class LibvirtUnreachableException(string? host, string uri, LibvirtConnectionException inner)
    : Exception($"{(host is null ? "" : host + ": ")}cannot reach libvirt at {uri}: {inner.Message}", inner)
{
    /// <summary>The stack's name for the host; null where only one host uses the URI.</summary>
    public string? Host { get; } = host;

    public string Uri { get; } = uri;
}
