using System.Globalization;
using System.Xml.Linq;
using VirtCluster.Bench.Metrics;
using VirtCluster.Bench.Model;
using VirtCluster.Report;
using VirtCluster.Report.Charts;

namespace VirtCluster.Tests.Report;

public sealed class ThroughputChartTests
{
    /// <summary>
    /// NetPIPE between two emulated guests (TCG) peaks at 1.36e8 B/s; on the same machine's bare metal at
    /// 7.86e9 B/s, 58 times more. Both curves start from 1-byte messages.
    /// </summary>
    private static readonly ThroughputSection FiftyTimesApart = new(
        "NetPIPE",
        "throughput-netpipe",
        [
            new ThroughputSeries("tcg", Placement.InterNode, [new(1, 2.5e4), new(1024, 1.1e7), new(1048576, 1.36e8)]),
            new ThroughputSeries("bmm", Placement.InterNode, [new(1, 1.2e6), new(1024, 9.0e8), new(1048576, 7.86e9)]),
        ],
        []);

    [Fact]
    public void BandwidthIsOnALogScaleLabelledInWholeDecadesOfMegabytesPerSecond()
    {
        var texts = Texts(ChartRenderer.Throughput(FiftyTimesApart).Svg);

        Assert.Contains("Throughput (MB/s, log scale)", texts);
        Assert.Equal(["0.01", "0.1", "1", "10", "100", "1000", "10000"], texts.Where(t => double.TryParse(t, CultureInfo.InvariantCulture, out _)));
        Assert.Equal(["1 B", "32 B", "1 KiB", "32 KiB", "1 MiB"], texts.Where(t => t.EndsWith('B')));
    }

    [Fact]
    public void TheSlowerCurveSpansDecadesOfTheAxisInsteadOfLyingOnZero()
    {
        var (first, last) = Log10Axis.Decades(0.025, 7860);

        Assert.Equal((-2, 4), (first, last));
        var tcgPeak = (Log10Axis.Position(136) - first) / (last - first);
        var tcgStart = (Log10Axis.Position(0.025) - first) / (last - first);
        Assert.Equal(0.69, Math.Round(tcgPeak, 2));
        Assert.Equal(0.07, Math.Round(tcgStart, 2));
    }

    [Theory]
    [InlineData(-3, "0.001")]
    [InlineData(0, "1")]
    [InlineData(4, "10000")]
    public void DecadesAreLabelledInPlainDecimals(int power, string label) =>
        Assert.Equal(label, Log10Axis.Label(power));

    [Fact]
    public void PointsWithoutBandwidthAreLeftOffTheLogScale()
    {
        var series = new ThroughputSeries("tcg", Placement.InterNode, [new(0, 0), new(1, 0), new(2, 5e4)]);

        Assert.Equal([2L], ChartRenderer.Plottable(series).Select(p => p.MessageSizeBytes));
        Assert.False(new ThroughputSection("NetPIPE", "x", [series with { Points = [new(1, 0)] }], []).HasCurve);
    }

    private static List<string> Texts(string svg) =>
        XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
}
