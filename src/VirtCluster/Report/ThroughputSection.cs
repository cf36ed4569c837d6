using VirtCluster.Bench.Metrics;
using VirtCluster.Report.Charts;

namespace VirtCluster.Report;

/// <summary>One throughput figure (the paper's Fig. 2) from one kind of measurement.</summary>
/// <param name="Title">What was measured, e.g. <c>IMB PingPong</c>.</param>
/// <param name="Slug">File-name part of its chart, e.g. <c>throughput-imb-pingpong</c>.</param>
/// <param name="Series">One per environment and placement; the chart is drawn from these.</param>
/// <param name="Published">Peaks stated without a curve (a paper's text), listed beside the measured peaks but never drawn.</param>
public sealed record ThroughputSection(string Title, string Slug, IReadOnlyList<ThroughputSeries> Series, IReadOnlyList<PublishedPeakPoint> Published)
{
    /// <summary>True when there is a curve to draw: a bandwidth above zero at a message size above zero (both axes are logarithmic).</summary>
    public bool HasCurve => Series.Any(s => ChartRenderer.Plottable(s).Any());
}
