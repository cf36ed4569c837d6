using VirtCluster.Bench.Model;
using VirtCluster.Bench.Suites;

namespace VirtCluster.Tests.Bench.Suites;

public sealed class ReferenceValueTests
{
    private static readonly ReferenceValue IntraSocketLatency =
        new("PingPong.latency", 0.41, Units.Microseconds, 0.10, Direction.LowerIsBetter, Placement.IntraSocket);

    [Theory]
    [InlineData(0.30, true)]
    [InlineData(0.45, true)]
    [InlineData(0.46, false)]
    public void LowerIsBetterAcceptsAnythingUpToTheToleranceAbove(double measured, bool accepted) =>
        Assert.Equal(accepted, IntraSocketLatency.Accepts(measured));

    [Theory]
    [InlineData(12e9, true)]
    [InlineData(9e9, true)]
    [InlineData(8.9e9, false)]
    public void HigherIsBetterAcceptsAnythingDownToTheToleranceBelow(double measured, bool accepted) =>
        Assert.Equal(accepted, new ReferenceValue("bandwidth", 10e9, Units.BytesPerSecond, 0.10, Direction.HigherIsBetter).Accepts(measured));

    [Fact]
    public void ReferenceAppliesOnlyToItsMetricUnitAndPlacement()
    {
        var meta = new SampleMeta("IMB", Placement: Placement.IntraSocket, MessageSizeBytes: 0);

        Assert.True(IntraSocketLatency.AppliesTo(new Sample("PingPong.latency", 0.5, Units.Microseconds, meta)));
        Assert.False(IntraSocketLatency.AppliesTo(new Sample("PingPong.latency", 0.5, Units.Microseconds, meta with { Placement = Placement.InterNode })));
        Assert.False(IntraSocketLatency.AppliesTo(new Sample("PingPong.t", 0.5, Units.Microseconds, meta)));
    }
}
