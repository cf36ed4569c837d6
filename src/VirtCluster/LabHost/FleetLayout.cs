using System.Text;
using System.Text.RegularExpressions;
using VirtCluster.Config;
using VirtCluster.Domains;

namespace VirtCluster.LabHost;

/// <summary>
/// Names, folders and addresses of a stack's simulated hosts (<c>lab.hosts</c>), derived from the stack alone so that
/// every run computes the same ones. Host k (from 1) is <c>simKK</c> in the namespace <c>PREFIX-simKK</c>; this machine
/// reaches it over the k-th /30 of the management network; its cluster bridge carries the k-th address from the top of
/// the cluster subnet (node addresses count up from the bottom). Each host is given to the rest of the tool as a real
/// host would be in a stack file: a <c>qemu+libssh</c> URI with the stack's key and the host's pinned key, and an SSH
/// endpoint.
/// </summary>
public sealed partial class FleetLayout
{
    public const int MaximumHosts = 64;

    /// <summary>Network namespace names have at most 32 characters; the longest derived one is <c>PREFIX-fabric</c>.</summary>
    public const int MaximumPrefix = 25;

    private readonly string _stack;
    private readonly LabSpec _lab;
    private readonly FleetSpec _fleet;
    private readonly Ipv4Subnet _management;
    private readonly Ipv4Subnet _cluster;
    private readonly NetworkSpec _network;

    public FleetLayout(string stack, LabSpec lab, NetworkSpec network, string backend)
    {
        _stack = stack;
        _lab = lab;
        _fleet = lab.Fleet ?? throw new ArgumentException("the lab has no simulated hosts (lab.hosts)", nameof(lab));
        _management = Ipv4Subnet.Parse(_fleet.ManagementSubnet);
        _cluster = Ipv4Subnet.Parse(network.Subnet);
        _network = network;
        StateDirectory = Path.Combine(Path.GetFullPath(backend), "lab", stack);
    }

    /// <summary>Where the fleet keeps its state: the tool's key for libvirt, and one folder per host.</summary>
    public string StateDirectory { get; }

    /// <summary>The fabric's namespace.</summary>
    public string Fabric => $"{_lab.Namespace}-fabric";

    /// <summary>The stack's admin key as a file, for libvirt's SSH transport (the tool's own sessions use it from memory).</summary>
    public string KeyFile => Path.Combine(StateDirectory, "admin-key");

    public int Count => _fleet.Hosts;

    public IReadOnlyList<string> HostNames => [.. Enumerable.Range(1, Count).Select(HostName)];

    public IReadOnlyList<HostSpec> HostSpecs => [.. Enumerable.Range(1, Count).Select(HostSpec)];

    public IReadOnlyList<SimulatedHostLayout> Hosts => [.. Enumerable.Range(1, Count).Select(Host)];

    public static string HostName(int k) => $"sim{k:D2}";

    /// <summary>The default management network: a /24 in 10.78.0.0/16 chosen by the namespace, so two stacks' fleets differ.</summary>
    public static string DefaultManagement(string labNamespace) => $"10.78.{Hash(labNamespace) % 256}.0/24";

    /// <summary>Where a host's pinned host key is kept, in known_hosts form, for libvirt's SSH transport.</summary>
    public static string KnownHostsFile(SimulatedHostLayout host) => Path.Combine(host.StateDirectory, "ssh", "known_hosts");

    public SimulatedHostLayout Host(int k) => new(
        HostName(k),
        $"{_lab.Namespace}-{HostName(k)}",
        Path.Combine(StateDirectory, "hosts", HostName(k)),
        $"vcm{Hash(_stack + "/" + _lab.Namespace) % 0x1000000:x6}{k:D2}",
        _management.Host((4L * (k - 1)) + 1).ToString(),
        _management.Host((4L * (k - 1)) + 2).ToString(),
        30,
        Fabric,
        $"p{k:D2}",
        _network.Bridge,
        _cluster.Host(_cluster.HostCount - (k - 1)).ToString(),
        _cluster.PrefixLength);

    private HostSpec HostSpec(int k)
    {
        var host = Host(k);
        var uri = $"qemu+libssh://root@{host.Address}/system?keyfile={UriValue(KeyFile)}&known_hosts={UriValue(KnownHostsFile(host))}"
            + "&known_hosts_verify=normal&sshauth=privkey";
        return new HostSpec(host.Name, uri, new Config.SshEndpoint(host.Address, 22, "root", KeyFile), null, null);
    }

    private static string UriValue(string path) => PlainPath().IsMatch(path) ? path : Uri.EscapeDataString(path);

    /// <summary>FNV-1a: stable across runs and machines (string.GetHashCode is not).</summary>
    private static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    [GeneratedRegex("^[A-Za-z0-9._/-]+$")]
    private static partial Regex PlainPath();
}
