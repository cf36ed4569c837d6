using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using VirtCluster.Engine.Config;

namespace VirtCluster.Config;

/// <summary>Reads <c>virtcluster:network</c>: the isolated cluster network, its IPv4 subnet and bridge.</summary>
internal static partial class NetworkSpecReader
{
    public const string DefaultName = "virtcluster";
    public const string DefaultSubnet = "10.77.0.0/24";
    public const string DefaultBridge = "vcbr0";

    private static readonly string[] Keys = ["name", "subnet", "bridge"];

    public static NetworkSpec Read(ConfigNode? node)
    {
        if (node is null)
        {
            return new NetworkSpec(DefaultName, DefaultSubnet, DefaultBridge);
        }

        var network = new StrictMapping(node, ConfigKeys.Network, Keys);
        var name = network.Get("name") is { } nameNode ? ConfigValues.Name(nameNode, network.KeyPath("name")) : DefaultName;
        var subnet = network.Get("subnet") is { } subnetNode ? Subnet(subnetNode, network.KeyPath("subnet")) : DefaultSubnet;
        var bridge = DefaultBridge;
        if (network.Get("bridge") is { } bridgeNode)
        {
            bridge = ConfigValues.Text(bridgeNode, network.KeyPath("bridge"), "a bridge name");
            if (!BridgeName().IsMatch(bridge))
            {
                throw new ConfigException(bridgeNode.Location, network.KeyPath("bridge"), $"'{bridge}' is not a bridge name; use at most 15 lower case letters, digits and '-'");
            }
        }

        return new NetworkSpec(name, subnet, bridge);
    }

    /// <summary>An IPv4 network in CIDR form, /16 to /29 (room for a gateway and the nodes), host bits zero.</summary>
    private static string Subnet(ConfigNode node, string path)
    {
        const string allowed = "an IPv4 network in CIDR form with a prefix /16 to /29, e.g. 10.77.0.0/24";
        var text = ConfigValues.Text(node, path, allowed);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(text[..slash], out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || !Dotted().IsMatch(text[..slash]) || !int.TryParse(text[(slash + 1)..], out var prefix) || !Prefix().IsMatch(text[(slash + 1)..]))
        {
            throw new ConfigException(node.Location, path, $"'{text}' is not {allowed}");
        }

        if (prefix is < 16 or > 29)
        {
            throw new ConfigException(node.Location, path, $"/{prefix} is out of range; allowed: /16../29");
        }

        var bits = BitConverter.ToUInt32(address.GetAddressBytes().Reverse().ToArray());
        var mask = uint.MaxValue << (32 - prefix);
        if ((bits & ~mask) != 0)
        {
            var network = new IPAddress(BitConverter.GetBytes(bits & mask).Reverse().ToArray());
            throw new ConfigException(node.Location, path, $"'{text}' has host bits set; did you mean {network}/{prefix}?");
        }

        return text;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,14}$")]
    private static partial Regex BridgeName();

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{1,3}){3}$")]
    private static partial Regex Dotted();

    [GeneratedRegex("^[0-9]{1,2}$")]
    private static partial Regex Prefix();
}
