using Renci.SshNet;
using Renci.SshNet.Common;

namespace VirtCluster.Remote;

/// <summary>
/// Who to log in as and with which private key. The key is parsed when the identity is made, so a bad key
/// file fails at once with its path rather than later as an authentication error on some host.
/// </summary>
public sealed class SshIdentity
{
    private readonly string _privateKey;

    private SshIdentity(string user, string privateKey, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        User = user;
        _privateKey = privateKey;
        Source = source;
        using var check = CreateKey();
    }

    public string User { get; }

    /// <summary>Where the key came from (a file path or "in-memory key"), for messages.</summary>
    public string Source { get; }

    /// <summary>Logs in as <paramref name="user"/> with an unencrypted OpenSSH, PEM or PuTTY private key file.</summary>
    /// <exception cref="InvalidDataException">The file is not a private key SSH.NET can read.</exception>
    public static SshIdentity FromKeyFile(string user, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        return new SshIdentity(user, File.ReadAllText(full), full);
    }

    /// <summary>Logs in as <paramref name="user"/> with a private key held in memory (e.g. a stack secret).</summary>
    public static SshIdentity FromPrivateKey(string user, string privateKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKey);
        return new SshIdentity(user, privateKey, "in-memory key");
    }

    public static SshIdentity FromKeyPair(string user, SshKeyPair keyPair) => FromPrivateKey(user, keyPair.PrivateKey);

    /// <summary>A fresh SSH.NET key object; each client owns and disposes its own.</summary>
    internal PrivateKeyFile CreateKey()
    {
        try
        {
            return new PrivateKeyFile(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(_privateKey)));
        }
        catch (Exception e) when (e is SshException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new InvalidDataException(
                $"The private key from {Source} cannot be read ({e.Message}); expected an unencrypted OpenSSH or PEM key.", e);
        }
    }
}
