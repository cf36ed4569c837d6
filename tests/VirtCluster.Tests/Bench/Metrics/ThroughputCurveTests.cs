using VirtCluster.Bench.Metrics;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Bench.Metrics;

public sealed class ThroughputCurveTests
{
    [Fact]
    public void ParsedImbOutputBecomesOneSizeOrderedCurve()
    {
        var path = TestPaths.Fixture("imb", "stackhpc-imb2019u5-pingpong-2nodes-ib-ompi4.txt");
        using var reader = new StreamReader(path);
        var samples = new ImbParser().Parse(reader, path).Samples
            .Select(s => s with { Meta = s.Meta with { Placement = Placement.InterNode, EnvironmentName = "openhpc" } });

        var series = Assert.Single(ThroughputCurve.Build(samples, "PingPong.bandwidth"));

        Assert.Equal(("openhpc", Placement.InterNode), (series.Environment, series.Placement));
        Assert.Equal(24, series.Points.Count);
        Assert.Equal(new ThroughputPoint(0, 0), series.Points[0]);
        Assert.Equal(4194304, series.Points[^1].MessageSizeBytes);
        Assert.Equal(11943.91e6, series.Points[^1].BytesPerSecond, 1e-3);
    }
}
