using VirtCluster.Config;
using VirtCluster.Hosts;

namespace VirtCluster.Planning;

/// <summary>
/// How big one node is on a given host. Shared by the planner (which refuses what does not fit) and
/// preflight (which reports it for every host at once), so both judge the same numbers.
/// </summary>
public static class NodeSizingRules
{
    private const long MiB = 1024 * 1024;

    /// <summary>Requested vCPUs, or the host's CPUs shared out among the nodes it carries (at least one).</summary>
    public static int Vcpus(ClusterSpec spec, HostFacts facts) =>
        spec.Node.Vcpus ?? Math.Max(1, facts.CpuCount / spec.NodesPerHost);

    /// <summary>
    /// Requested memory, or host memory minus the reserve shared out among the nodes; rounded down to whole
    /// pages of the backing size (MiB for normal pages), since libvirt rejects partial hugepages.
    /// </summary>
    public static long MemoryBytes(ClusterSpec spec, HostFacts facts)
    {
        var raw = spec.Node.MemoryBytes ?? (facts.MemoryBytes - spec.Node.MemoryReserveBytes) / spec.NodesPerHost;
        var unit = Math.Max(MiB, (HugePageSizeKiB(spec.Node.HugePages) ?? 0) * 1024);
        return raw <= 0 ? raw : raw / unit * unit;
    }

    public static long? HugePageSizeKiB(HugePages pages) => pages switch
    {
        HugePages.TwoMiB => 2048,
        HugePages.OneGiB => 1024 * 1024,
        _ => null,
    };

    /// <summary>Human-readable size, GiB with two decimals (the unit hosts and stacks are sized in).</summary>
    public static string Gib(long bytes) =>
        (bytes / (1024.0 * 1024 * 1024)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " GiB";
}
