using System.Net;
using System.Text;

namespace VirtCluster.Images;

/// <summary>
/// Builds a node's kernel command line: the image's own arguments plus the per-node identity that the
/// image's first-boot unit and systemd read, so one image serves every node and carries no keys.
/// </summary>
public static class KernelCommandLine
{
    /// <summary>The console prints this prefix before the node's SSH host key (see <see cref="ConsoleHostKey"/>).</summary>
    public const string HostKeyMarker = "VIRTCLUSTER-HOSTKEY";

    /// <summary>Linux on x86 truncates longer command lines.</summary>
    public const int MaximumLength = 2047;

    /// <summary>
    /// <c>systemd.hostname=NAME ip=ADDR::GW:MASK:NAME:eth0:off net.ifnames=0</c>, one
    /// <c>virtcluster.ssh_authorized_key=BASE64</c> per public key and one <c>virtcluster.host=NAME,ADDR</c>
    /// per peer, after <paramref name="imageArgs"/> (from the image manifest).
    /// </summary>
    public static string For(IReadOnlyList<string> imageArgs, NodeBootIdentity node)
    {
        var args = new List<string>(imageArgs);
        if (!args.Contains("net.ifnames=0"))
        {
            args.Add("net.ifnames=0");
        }

        args.Add($"systemd.hostname={node.Hostname}");
        args.Add($"ip={node.Address}::{node.Gateway}:{PrefixToMask(node.PrefixLength)}:{node.Hostname}:eth0:off");
        args.AddRange(node.AuthorizedKeys.Select(key =>
            "virtcluster.ssh_authorized_key=" + Convert.ToBase64String(Encoding.UTF8.GetBytes(key.Trim()))));
        args.AddRange(node.Peers.Select(peer => $"virtcluster.host={peer.Key},{peer.Value}"));

        var line = string.Join(' ', args);
        return line.Length <= MaximumLength
            ? line
            : throw new InvalidOperationException(
                $"the kernel command line for '{node.Hostname}' is {line.Length} characters, over Linux's {MaximumLength}; use fewer peers or keys");
    }

    private static IPAddress PrefixToMask(int prefixLength)
    {
        var bits = prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);
        return new IPAddress([(byte)(bits >> 24), (byte)(bits >> 16), (byte)(bits >> 8), (byte)bits]);
    }
}
