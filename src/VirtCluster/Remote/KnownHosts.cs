using System.Text;
using VirtCluster.Engine.IO;

namespace VirtCluster.Remote;

/// <summary>
/// Host keys pinned per host name, stored in OpenSSH known_hosts format (<c>name TYPE BASE64</c>, one key
/// per line) so that <c>ssh -o UserKnownHostsFile=...</c> can use the same file. A host is trusted only if
/// the key it presents is pinned under its name; there is no first-contact acceptance. Thread-safe.
/// </summary>
public sealed class KnownHosts
{
    private readonly object _gate = new();
    private readonly List<(string Host, HostKey Key)> _entries = [];

    /// <summary>Hashed entries (<c>|1|SALT|HASH</c>, Debian's default): the name is known only by its HMAC-SHA1.</summary>
    private readonly List<(byte[] Salt, byte[] Hash, HostKey Key)> _hashed = [];

    /// <summary>An empty, in-memory store.</summary>
    public KnownHosts()
    {
    }

    /// <summary>The file this store was loaded from and saves to, if any.</summary>
    public string? FilePath { get; private init; }

    /// <summary>
    /// Loads a known_hosts file; a missing file gives an empty store that <see cref="Save"/> will create.
    /// Plain and hashed (<c>|1|</c>) names are read; a host on another port than 22 is named <c>[host]:port</c>, as
    /// OpenSSH writes it. Markers (<c>@cert-authority</c>, <c>@revoked</c>) are rejected rather than silently ignored,
    /// because ignoring a revocation would trust a key the file says not to.
    /// </summary>
    /// <exception cref="FormatException">A line cannot be read; the message names file and line.</exception>
    public static KnownHosts Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var store = new KnownHosts { FilePath = Path.GetFullPath(path) };
        if (!File.Exists(path))
        {
            return store;
        }

        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            try
            {
                store.AddLine(line);
            }
            catch (FormatException e)
            {
                throw new FormatException($"{store.FilePath}:{lineNumber}: {e.Message}", e);
            }
        }

        return store;
    }

    /// <summary>
    /// Pins <paramref name="key"/> for <paramref name="host"/>, replacing a key of the same type pinned
    /// before (a rebuilt guest gets a new key of the same type; keys of other types stay).
    /// </summary>
    public void Pin(string host, HostKey key)
    {
        ValidateHost(host);
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            _entries.RemoveAll(e => e.Host == host && e.Key.KeyType == key.KeyType);
            _entries.Add((host, key));
        }
    }

    /// <summary>Pins a key given as an OpenSSH public key line (<c>ssh-ed25519 AAAA... comment</c>).</summary>
    public void Pin(string host, string publicKeyLine) => Pin(host, HostKey.Parse(publicKeyLine));

    /// <summary>Removes every key pinned for <paramref name="host"/>; true if there was any.</summary>
    public bool Forget(string host)
    {
        lock (_gate)
        {
            return _entries.RemoveAll(e => e.Host == host) > 0;
        }
    }

    public IReadOnlyList<HostKey> KeysFor(string host)
    {
        lock (_gate)
        {
            return _entries.Where(e => e.Host == host).Select(e => e.Key)
                .Concat(_hashed.Where(e => HashMatches(e.Salt, e.Hash, host)).Select(e => e.Key))
                .ToList();
        }
    }

    /// <summary>
    /// Accepts <paramref name="presented"/> if it is pinned for <paramref name="host"/>, otherwise throws:
    /// <see cref="UnknownHostKeyException"/> when nothing is pinned, <see cref="HostKeyMismatchException"/>
    /// when other keys are.
    /// </summary>
    public void Verify(string host, HostKey presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var pinned = KeysFor(host);
        if (pinned.Count == 0)
        {
            throw new UnknownHostKeyException(host, presented.Fingerprint);
        }

        if (!pinned.Contains(presented))
        {
            throw new HostKeyMismatchException(host, pinned.Select(k => k.Fingerprint).ToList(), presented.Fingerprint);
        }
    }

    /// <summary>Writes the store to <see cref="FilePath"/>.</summary>
    /// <exception cref="InvalidOperationException">The store was not loaded from a file.</exception>
    public void Save() =>
        SaveAs(FilePath ?? throw new InvalidOperationException("This known-hosts store has no file; use SaveAs(path)."));

    /// <summary>
    /// Writes the store atomically (temporary file, then rename) with mode 0600: the file decides whom the
    /// tool trusts, so no other user may change it and a crash never leaves half a file.
    /// </summary>
    public void SaveAs(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = new StringBuilder();
        lock (_gate)
        {
            foreach (var (host, key) in _entries)
            {
                text.Append(host).Append(' ').Append(key).Append('\n');
            }

            foreach (var (salt, hash, key) in _hashed)
            {
                text.Append("|1|").Append(Convert.ToBase64String(salt)).Append('|').Append(Convert.ToBase64String(hash)).Append(' ').Append(key).Append('\n');
            }
        }

        AtomicFile.Write(path, text.ToString());
    }

    private void AddLine(string line)
    {
        if (line.StartsWith('@'))
        {
            throw new FormatException("@-markers (@cert-authority, @revoked) are not supported; list the hosts' keys themselves.");
        }

        var fields = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2)
        {
            throw new FormatException("expected 'HOST[,HOST...] TYPE BASE64'.");
        }

        var key = HostKey.Parse(fields[1]);
        if (fields[0].StartsWith('|'))
        {
            var parts = fields[0].Split('|');
            if (parts.Length != 4 || parts[1] != "1")
            {
                throw new FormatException("a hashed host name must read |1|SALT|HASH (base64).");
            }

            lock (_gate)
            {
                _hashed.Add((Convert.FromBase64String(parts[2]), Convert.FromBase64String(parts[3]), key));
            }

            return;
        }

        foreach (var host in fields[0].Split(','))
        {
            Pin(host, key);
        }
    }

    private static bool HashMatches(byte[] salt, byte[] hash, string host) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Security.Cryptography.HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(host)), hash);

    /// <summary>The name OpenSSH looks a host up by: the host itself on port 22, <c>[host]:port</c> on any other.</summary>
    public static string NameFor(string host, int port) => port == 22 ? host : $"[{host}]:{port}";

    private static void ValidateHost(string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        if (host.Any(c => char.IsWhiteSpace(c) || c == ','))
        {
            throw new ArgumentException($"A host name cannot contain spaces or commas: '{host}'.", nameof(host));
        }
    }
}
