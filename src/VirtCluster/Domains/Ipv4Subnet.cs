using System.Net;
using System.Net.Sockets;

namespace VirtCluster.Domains;

/// <summary>An IPv4 subnet such as <c>10.77.0.0/24</c>: the cluster network's gateway is its first host address.</summary>
public sealed record Ipv4Subnet(IPAddress Network, int PrefixLength)
{
    public static Ipv4Subnet Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0 || !IPAddress.TryParse(text[..slash], out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || !int.TryParse(text[(slash + 1)..], out var prefix) || prefix is < 8 or > 30)
        {
            throw new FormatException($"'{text}' is not an IPv4 subnet such as 10.77.0.0/24 (prefix 8 to 30)");
        }

        var network = ToUInt(address) & Mask(prefix);
        return new Ipv4Subnet(FromUInt(network), prefix);
    }

    public IPAddress Netmask => FromUInt(Mask(PrefixLength));

    public IPAddress Gateway => Host(1);

    /// <summary>Number of host addresses (network and broadcast excluded).</summary>
    public long HostCount => (1L << (32 - PrefixLength)) - 2;

    /// <summary>The n-th host address (1 is the gateway).</summary>
    public IPAddress Host(long n) =>
        n >= 1 && n <= HostCount
            ? FromUInt(ToUInt(Network) + (uint)n)
            : throw new ArgumentOutOfRangeException(nameof(n), $"{this} has host addresses 1 to {HostCount}, not {n}");

    public bool Contains(IPAddress address) => (ToUInt(address) & Mask(PrefixLength)) == ToUInt(Network);

    public override string ToString() => $"{Network}/{PrefixLength}";

    private static uint Mask(int prefix) => uint.MaxValue << (32 - prefix);

    private static uint ToUInt(IPAddress a)
    {
        var b = a.GetAddressBytes();
        return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
    }

    private static IPAddress FromUInt(uint v) => new([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);
}
