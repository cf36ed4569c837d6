using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Metrics;

/// <summary>
/// Peak throughputs recorded as numbers. A paper states its peaks in the text and draws the curves only as
/// a figure; the peaks are kept apart from <see cref="ThroughputCurve"/> because a curve needs a message
/// size for every point and a stated peak has none.
/// </summary>
public static class PublishedPeak
{
    /// <summary>
    /// Parameter that marks a number the source gives as approximate; its value is <see cref="True"/>.
    /// A fact about the number, not one to compare, so it lives with the sample's parameters.
    /// </summary>
    public const string ApproximateParameter = "approximate";

    public const string True = "true";

    /// <summary>
    /// One point per environment and placement from samples of <paramref name="metric"/> (e.g.
    /// <c>PingPong.peakBandwidth</c>) in B/s; repetitions are reduced to their median, and the point is
    /// approximate when any of them is. Order of first appearance.
    /// </summary>
    public static IReadOnlyList<PublishedPeakPoint> Build(IEnumerable<Sample> samples, string metric) =>
        samples
            .Where(s => s.Metric == metric && s.Unit == Units.BytesPerSecond)
            .GroupBy(s => (Environment: Statistics.EnvironmentOf(s), s.Meta.Placement))
            .Select(g => new PublishedPeakPoint(
                g.Key.Environment,
                g.Key.Placement,
                Statistics.Median(g.Select(s => s.Value)),
                g.Any(s => s.Meta.Parameters.TryGetValue(ApproximateParameter, out var approximate) && approximate == True)))
            .ToList();
}
