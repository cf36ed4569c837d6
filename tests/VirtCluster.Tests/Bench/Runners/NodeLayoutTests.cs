using VirtCluster.Bench.Model;
using VirtCluster.Bench.Runners;

namespace VirtCluster.Tests.Bench.Runners;

public sealed class NodeLayoutTests
{
    private static readonly string[] TwoVms = ["node1", "node2"];

    [Fact]
    public void InterNodePairOnTwoVmsPutsOneRankOnEachNode()
    {
        var layout = NodeLayout.For(Placement.InterNode, 2, TwoVms);

        Assert.Equal("node1 slots=1\nnode2 slots=1\n", layout.Hostfile);
        Assert.Equal((Placement.InterNode, 2, (string?)null), (layout.Placement, layout.Nodes, layout.Note));
    }

    [Fact]
    public void InterNodePairOnOneMachineIsMeasuredIntraSocketAndSaysSo()
    {
        var layout = NodeLayout.For(Placement.InterNode, 2, ["localhost"]);

        Assert.Equal("localhost slots=2\n", layout.Hostfile);
        Assert.Equal(Placement.IntraSocket, layout.Placement);
        Assert.Equal(1, layout.Nodes);
        Assert.Equal("inter-node needs 2 nodes and the target has 1: measured intra-socket on localhost", layout.Note);
    }

    [Theory]
    [InlineData(Placement.IntraSocket)]
    [InlineData(Placement.InterSocket)]
    public void SocketPlacementsKeepBothRanksOnTheFirstNode(Placement placement)
    {
        var layout = NodeLayout.For(placement, 2, TwoVms);

        Assert.Equal("node1 slots=2\n", layout.Hostfile);
        Assert.Equal((placement, 1), (layout.Placement, layout.Nodes));
    }

    [Theory]
    [InlineData(2, "node1 slots=1\nnode2 slots=1\n", 2)]
    [InlineData(3, "node1 slots=2\nnode2 slots=2\n", 2)]
    [InlineData(8, "node1 slots=4\nnode2 slots=4\n", 2)]
    [InlineData(1, "node1 slots=1\n", 1)]
    public void WholeApplicationsSpreadRanksEvenlyWithoutOversubscribing(int processes, string hostfile, int nodes)
    {
        var layout = NodeLayout.For(Placement.None, processes, TwoVms);

        Assert.Equal(hostfile, layout.Hostfile);
        Assert.Equal(nodes, layout.Nodes);
    }
}
