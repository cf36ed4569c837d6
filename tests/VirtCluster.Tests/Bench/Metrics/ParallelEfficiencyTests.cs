using VirtCluster.Bench.Metrics;

namespace VirtCluster.Tests.Bench.Metrics;

public sealed class ParallelEfficiencyTests
{
    [Fact]
    public void EfficiencyIsRelativeToTheOneNodeRun()
    {
        // SP-MZ on BMM: 86.45 s on one node (4 x 2); the paper reports 88 % on 16 nodes (64 processes).
        var points = ParallelEfficiency.Compute(new Dictionary<int, double> { [4] = 86.45, [16] = 22.00, [64] = 6.14 });

        Assert.Equal([4, 16, 64], points.Select(p => p.Processes));
        Assert.Equal(1.0, points[0].Efficiency);
        Assert.Equal(0.98, Math.Round(points[1].Efficiency, 2));
        Assert.Equal(0.88, Math.Round(points[2].Efficiency, 2));
        Assert.All(points, p => Assert.Null(p.Ideal));
    }

    [Fact]
    public void IdealCurveIsCarriedBesideTheMeasuredOne()
    {
        var points = ParallelEfficiency.Compute(
            new Dictionary<int, double> { [2] = 1260, [4] = 700 },
            new Dictionary<int, double> { [2] = 1.0, [4] = 0.95 });

        Assert.Equal([1.0, 0.95], points.Select(p => p.Ideal));
        Assert.Equal(0.9, points[1].Efficiency);
    }

    [Fact]
    public void SeriesAreBuiltPerBenchmarkAndEnvironmentFromMedianTimes()
    {
        var samples = new[]
        {
            PaperNumbers.Time("SP-MZ", "Xen", 100.12), PaperNumbers.Time("SP-MZ", "Xen", 100.12),
            PaperNumbers.Time("SP-MZ", "Xen", 10.61, ranks: 64, nodes: 16), PaperNumbers.Time("SP-MZ", "Xen", 99.0, ranks: 64, nodes: 16),
            PaperNumbers.Time("SP-MZ", "Xen", 10.59, ranks: 64, nodes: 16),
            PaperNumbers.Time("SP-MZ", "BMM", 86.45),
        };

        var series = ParallelEfficiency.Build(samples);

        Assert.Equal([("SP-MZ", "Xen"), ("SP-MZ", "BMM")], series.Select(s => (s.Benchmark, s.Environment)));
        Assert.Equal(0.59, Math.Round(series[0].Points[1].Efficiency, 2));
        Assert.Single(series[1].Points);
    }

    [Fact]
    public void NonPositiveTimesAreRejected() =>
        Assert.Throws<ArgumentException>(() => ParallelEfficiency.Compute(new Dictionary<int, double> { [4] = 0 }));
}
