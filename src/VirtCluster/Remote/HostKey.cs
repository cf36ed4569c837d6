using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace VirtCluster.Remote;

/// <summary>
/// An SSH public host key: its type and the key blob in SSH wire format, which is what servers present
/// and what OpenSSH's known_hosts and *.pub files carry in base64.
/// </summary>
public sealed class HostKey : IEquatable<HostKey>
{
    private readonly byte[] _blob;

    private HostKey(string keyType, byte[] blob)
    {
        KeyType = keyType;
        _blob = blob;
    }

    /// <summary>The key type named inside the blob, e.g. <c>ssh-ed25519</c> or <c>ssh-rsa</c>.</summary>
    public string KeyType { get; }

    public ReadOnlyMemory<byte> Blob => _blob;

    /// <summary>SHA256 fingerprint exactly as <c>ssh-keygen -l</c> prints it: <c>SHA256:</c> and unpadded base64.</summary>
    public string Fingerprint => "SHA256:" + Convert.ToBase64String(SHA256.HashData(_blob)).TrimEnd('=');

    /// <summary>Reads a key blob as servers send it; the type is taken from the blob itself.</summary>
    /// <exception cref="FormatException">The blob does not start with a length-prefixed key type.</exception>
    public static HostKey FromBlob(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 4)
        {
            throw new FormatException("An SSH key blob is shorter than its length prefix.");
        }

        var typeLength = BinaryPrimitives.ReadUInt32BigEndian(blob);
        if (typeLength == 0 || typeLength > 64 || typeLength > blob.Length - 4)
        {
            throw new FormatException("An SSH key blob does not start with a key type.");
        }

        return new HostKey(Encoding.ASCII.GetString(blob.Slice(4, (int)typeLength)), blob.ToArray());
    }

    /// <summary>
    /// Parses an OpenSSH public key line, <c>ssh-ed25519 AAAA... comment</c>, such as the contents of
    /// <c>/etc/ssh/ssh_host_ed25519_key.pub</c> read from a guest's console.
    /// </summary>
    /// <exception cref="FormatException">The line is not "TYPE BASE64 [COMMENT]" or the type does not match the blob.</exception>
    public static HostKey Parse(string publicKeyLine)
    {
        ArgumentNullException.ThrowIfNull(publicKeyLine);
        var fields = publicKeyLine.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2)
        {
            throw new FormatException($"Expected an OpenSSH public key 'TYPE BASE64 [COMMENT]', got '{publicKeyLine}'.");
        }

        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(fields[1]);
        }
        catch (FormatException e)
        {
            throw new FormatException($"The key data of '{fields[0]}' key is not valid base64.", e);
        }

        var key = FromBlob(blob);
        if (key.KeyType != fields[0])
        {
            throw new FormatException($"The key line says '{fields[0]}' but its data holds a '{key.KeyType}' key.");
        }

        return key;
    }

    /// <summary>The key as "TYPE BASE64", the form used in known_hosts and authorized_keys.</summary>
    public override string ToString() => KeyType + " " + Convert.ToBase64String(_blob);

    public bool Equals(HostKey? other) => other is not null && _blob.AsSpan().SequenceEqual(other._blob);

    public override bool Equals(object? obj) => Equals(obj as HostKey);

    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(_blob));
}
