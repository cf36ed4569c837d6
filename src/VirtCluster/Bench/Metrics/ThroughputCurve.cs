using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Metrics;

/// <summary>Bandwidth against message size, one series per environment and placement.</summary>
public static class ThroughputCurve
{
    /// <param name="samples">Any samples; only <paramref name="metric"/> in B/s with a message size is used.</param>
    /// <param name="metric">E.g. <c>PingPong.bandwidth</c> (IMB) or <c>bandwidth</c> (NetPIPE).</param>
    public static IReadOnlyList<ThroughputSeries> Build(IEnumerable<Sample> samples, string metric) =>
        samples
            .Where(s => s.Metric == metric && s.Unit == Units.BytesPerSecond && s.Meta.MessageSizeBytes is not null)
            .GroupBy(s => (Environment: Statistics.EnvironmentOf(s), s.Meta.Placement))
            .Select(g => new ThroughputSeries(
                g.Key.Environment,
                g.Key.Placement,
                g.GroupBy(s => s.Meta.MessageSizeBytes!.Value)
                    .OrderBy(s => s.Key)
                    .Select(s => new ThroughputPoint(s.Key, Statistics.Median(s.Select(x => x.Value))))
                    .ToList()))
            .ToList();
}
