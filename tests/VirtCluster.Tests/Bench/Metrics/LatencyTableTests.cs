using VirtCluster.Bench.Metrics;
using VirtCluster.Bench.Model;

namespace VirtCluster.Tests.Bench.Metrics;

public sealed class LatencyTableTests
{
    [Fact]
    public void PaperTable2RatiosToIntraSocketAreReproduced()
    {
        var rows = LatencyTable.Build(PaperNumbers.LatencySamples());

        Assert.Equal(["BMM", "Xen", "KVM"], rows.Select(r => r.Environment));
        var xen = rows[1];
        Assert.Equal(3.30, xen.LatencyUs[Placement.InterNode]);
        Assert.Equal(8.05, Math.Round(xen.RatioToIntraSocket[Placement.InterNode], 2));
        Assert.Equal(2.02, Math.Round(xen.RatioToIntraSocket[Placement.InterSocket], 2));
        Assert.Equal(4.37, Math.Round(rows[0].RatioToIntraSocket[Placement.InterNode], 2));
        Assert.Equal(3.17, Math.Round(rows[2].RatioToIntraSocket[Placement.InterNode], 2));
        Assert.All(rows, r => Assert.Equal(1.0, r.RatioToIntraSocket[Placement.IntraSocket]));
    }

    [Fact]
    public void RepetitionsAreReducedToTheirMedian()
    {
        var meta = new SampleMeta("IMB", Placement: Placement.InterNode, MessageSizeBytes: 0, EnvironmentName: "kvm");
        var samples = new[] { 1.70, 9.99, 1.72 }.Select(v => new Sample("PingPong.latency", v, Units.Microseconds, meta));

        var row = Assert.Single(LatencyTable.Build(samples));

        Assert.Equal(1.72, row.LatencyUs[Placement.InterNode]);
        Assert.Empty(row.RatioToIntraSocket);
    }

    [Fact]
    public void OtherSizesAndMetricsAreLeftOut()
    {
        var meta = new SampleMeta("IMB", Placement: Placement.IntraSocket, MessageSizeBytes: 1024, EnvironmentName: "kvm");

        Assert.Empty(LatencyTable.Build([new Sample("PingPong.latency", 2.0, Units.Microseconds, meta)]));
    }
}
