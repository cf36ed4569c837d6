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

    [Fact]
    public void AnInterNodePairGetsARankfileThatGivesEachRankItsOwnCore()
    {
        var layout = NodeLayout.For(Placement.InterNode, 2, threads: 1, cpus: 2, TwoVms);

        Assert.Equal("node1 slots=1\nnode2 slots=1\n", layout.Hostfile);
        Assert.Equal("rank 0=node1 slot=0\nrank 1=node2 slot=1\n", layout.Rankfile);
    }

    [Theory]
    [InlineData(4, 2, "rank 0=node1 slot=0\nrank 1=node1 slot=1\nrank 2=node2 slot=0\nrank 3=node2 slot=1\n")]
    [InlineData(3, 2, "rank 0=node1 slot=0\nrank 1=node1 slot=1\nrank 2=node2 slot=0\n")]
    public void ASingleThreadedRunWithoutPlacementOverTwoNodesFollowsItsHostfileOneCoreEach(int processes, int cpus, string rankfile)
    {
        var layout = NodeLayout.For(Placement.None, processes, threads: 1, cpus, TwoVms);

        Assert.Equal(rankfile, layout.Rankfile);
    }

    [Theory]
    [InlineData(Placement.IntraSocket, 2, 1, 2)]
    [InlineData(Placement.InterSocket, 2, 1, 2)]
    [InlineData(Placement.None, 4, 2, 2)]
    [InlineData(Placement.None, 1, 1, 2)]
    [InlineData(Placement.InterNode, 2, 1, 1)]
    public void RunsOnOneNodeOrWithThreadsKeepThePlacementsOwnBinding(Placement placement, int processes, int threads, int nodes)
    {
        var layout = NodeLayout.For(placement, processes, threads, cpus: 2, TwoVms.Take(nodes).ToList());

        Assert.Null(layout.Rankfile);
    }

    [Theory]
    [InlineData(Placement.InterNode)]
    [InlineData(Placement.None)]
    public void NodesWithOneCpuNeedNoRankfileAsEveryRankIsOnCpuZeroEitherWay(Placement placement)
    {
        var layout = NodeLayout.For(placement, 2, threads: 1, cpus: 1, TwoVms);

        Assert.Null(layout.Rankfile);
    }
}
