using VirtCluster.Bench.Metrics;
using VirtCluster.Bench.Model;

namespace VirtCluster.Tests.Bench.Metrics;

public sealed class PublishedNumbersTests
{
    [Fact]
    public void StatedEfficienciesKeepTheirRunSizeAndBecomeFractions()
    {
        Sample Stated(string environment, double percent, int nodes = 16, int ranks = 64) =>
            new(PublishedEfficiency.Metric, percent, Units.Percent,
                new SampleMeta("SP-MZ", Nodes: nodes, Ranks: ranks, Threads: 2, EnvironmentName: environment));

        var points = PublishedEfficiency.Build(
        [
            Stated("BMM", 88), Stated("Xen", 59), Stated("KVM", 88),
            Stated("KVM", 94, nodes: 4, ranks: 16),
            PaperNumbers.Time("SP-MZ", "BMM", 86.45),
            new Sample(PublishedEfficiency.Metric, 0.88, Units.Count, new SampleMeta("SP-MZ", EnvironmentName: "BMM")),
        ]);

        Assert.Equal(
            [("BMM", 16, 64, 0.88), ("Xen", 16, 64, 0.59), ("KVM", 16, 64, 0.88), ("KVM", 4, 16, 0.94)],
            points.Select(p => (p.Environment, p.Nodes!.Value, p.Ranks!.Value, p.Efficiency)));
    }

    [Fact]
    public void StatedPeaksArePerPlacementAndKeepWhetherTheSourceSaysAbout()
    {
        Sample Peak(Placement placement, double bytesPerSecond, bool approximate = false) =>
            new("PingPong.peakBandwidth", bytesPerSecond, Units.BytesPerSecond, new SampleMeta(
                "IMB", Placement: placement, EnvironmentName: "BMM",
                Parameters: approximate ? new Dictionary<string, string> { [PublishedPeak.ApproximateParameter] = PublishedPeak.True } : null));

        var points = PublishedPeak.Build(
            [Peak(Placement.IntraSocket, 5.7e9), Peak(Placement.InterSocket, 3.9e9), Peak(Placement.InterNode, 2.5e9, approximate: true)],
            "PingPong.peakBandwidth");

        Assert.Equal(
            [(Placement.IntraSocket, 5.7e9, false), (Placement.InterSocket, 3.9e9, false), (Placement.InterNode, 2.5e9, true)],
            points.Select(p => (p.Placement, p.BytesPerSecond, p.Approximate)));
    }
}
