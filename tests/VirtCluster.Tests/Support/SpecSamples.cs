using VirtCluster.Config;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Support;

/// <summary>Cluster specs shaped like the paper's AGC stack: 45 GiB nodes, strict pinning, HCA passthrough, firmware >= 2.7.80.</summary>
internal static class SpecSamples
{
    public const long GiB = 1024L * 1024 * 1024;

    public static ClusterSpec Agc(int hosts = 1) => new(
        "virtcluster",
        "agc16-sim",
        TestPaths.RepoRoot,
        [.. Enumerable.Range(1, hosts).Select(i => new HostSpec($"agc{i:00}", null, null, null, null))],
        null,
        new NodeSizing(null, 45 * GiB, 0, HugePages.None),
        PinningPolicy.Strict,
        IoMode.Passthrough,
        HypervisorChoice.Auto,
        HostSamples.ConnectX,
        FirmwareVersion.Parse("2.7.80"),
        new NetworkSpec("agc16-net", "10.77.0.0/24", "vc-agc16"),
        Path.Combine(TestPaths.RepoRoot, "images", "node.yaml"),
        new BenchSelection(false, null, [], [], new Dictionary<string, string>()));

    public static ClusterSpec Lab(int nodes) => Agc() with
    {
        Stack = "local",
        Lab = new LabSpec(nodes, "vc-local", LabSpec.DefaultBootTimeout),
        Node = new NodeSizing(null, 1 * GiB, 0, HugePages.None),
        Io = IoMode.Virtio,
        Pinning = PinningPolicy.Strict,
    };
}
