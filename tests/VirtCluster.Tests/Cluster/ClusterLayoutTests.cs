using VirtCluster.Cluster;
using VirtCluster.Config;
using VirtCluster.Engine.Config;

namespace VirtCluster.Tests.Cluster;

public sealed class ClusterLayoutTests
{
    [Fact]
    public void NodesGetAddressesFromHostTenInOrder()
    {
        var layout = new ClusterLayout(Spec("10.77.0.0/24"));

        Assert.Equal("10.77.0.10", layout.Address(0).ToString());
        Assert.Equal("10.77.0.11", layout.Address(1).ToString());
    }

    [Fact]
    public void WhenTheSubnetCannotHoldEveryNodeTheErrorNamesTheKeyAndALargerPrefix()
    {
        var layout = new ClusterLayout(Spec("10.77.0.0/24"));

        layout.EnsureRoomFor(245);
        var error = Assert.Throws<ConfigException>(() => layout.EnsureRoomFor(256));

        Assert.Contains("virtcluster:network.subnet", error.Message, StringComparison.Ordinal);
        Assert.Contains("room for 245 nodes", error.Message, StringComparison.Ordinal);
        Assert.Contains("/23", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLocalStacksNodesKeepTheMacsOfTheirReservations()
    {
        var layout = new ClusterLayout(Spec("10.77.0.0/24", stack: "local"));

        // The first three bytes of SHA-256("local/local-local-0") and ("local/local-local-1"), from sha256sum.
        Assert.Equal("52:54:00:03:68:cf", layout.Mac("local-local-0").ToString());
        Assert.Equal("52:54:00:30:b5:fb", layout.Mac("local-local-1").ToString());
    }

    private static ClusterSpec Spec(string subnet, string stack = "s") => new(
        "p", stack, "/tmp", [], null, new NodeSizing(1, null, 0, HugePages.None), PinningPolicy.None, IoMode.Virtio,
        HypervisorChoice.Tcg, new HcaSpec(0x15b3, null), new FirmwareVersion([2, 7, 80]), new NetworkSpec("n", subnet, "vcbr0"),
        "/tmp/i.yaml", new BenchSelection(false, null, [], [], new Dictionary<string, string>()));
}
