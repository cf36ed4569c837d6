using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace VirtCluster.Images;

/// <summary>
/// Who a node is, handed to it at boot: the only per-node data, all public (names, addresses and
/// public keys), so it may sit in domain XML.
/// </summary>
public sealed partial record NodeBootIdentity
{
    public NodeBootIdentity(
        string hostname,
        IPAddress address,
        int prefixLength,
        IPAddress gateway,
        IReadOnlyList<string> authorizedKeys,
        IReadOnlyDictionary<string, IPAddress>? peers = null)
    {
        if (!HostnamePattern().IsMatch(hostname))
        {
            throw new ArgumentException($"'{hostname}' is not a valid host name (letters, digits, '-', at most 63)", nameof(hostname));
        }

        if (address.AddressFamily != AddressFamily.InterNetwork || gateway.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"node '{hostname}': address and gateway must be IPv4");
        }

        ArgumentOutOfRangeException.ThrowIfNotEqual(prefixLength is >= 8 and <= 30, true, nameof(prefixLength));
        foreach (var key in authorizedKeys)
        {
            if (!PublicKeyPattern().IsMatch(key.Trim()))
            {
                throw new ArgumentException($"node '{hostname}': '{key}' is not an OpenSSH public key line", nameof(authorizedKeys));
            }
        }

        Hostname = hostname;
        Address = address;
        PrefixLength = prefixLength;
        Gateway = gateway;
        AuthorizedKeys = authorizedKeys;
        Peers = peers ?? new Dictionary<string, IPAddress>();
    }

    public string Hostname { get; }

    public IPAddress Address { get; }

    public int PrefixLength { get; }

    /// <summary>The host side of the isolated network (its bridge address).</summary>
    public IPAddress Gateway { get; }

    /// <summary>Public key lines allowed to log in as root (the stack's key and the cluster-internal key).</summary>
    public IReadOnlyList<string> AuthorizedKeys { get; }

    /// <summary>Name to address of the other nodes, written to /etc/hosts so mpirun can use names.</summary>
    public IReadOnlyDictionary<string, IPAddress> Peers { get; }

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex HostnamePattern();

    [GeneratedRegex(@"^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/]+={0,3}( \S+)?$")]
    private static partial Regex PublicKeyPattern();
}
