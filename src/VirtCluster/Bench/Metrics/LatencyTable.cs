using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Metrics;

/// <summary>
/// One-way latency by placement per environment, with each placement's ratio to intra-socket: the ratio
/// shows what leaving the socket or the node costs, independently of how fast the cores are.
/// </summary>
public static class LatencyTable
{
    /// <summary>
    /// Builds the table from samples of <paramref name="metric"/> at <paramref name="messageSizeBytes"/>;
    /// repetitions are reduced to their median. Rows keep the order environments first appear in.
    /// </summary>
    public static IReadOnlyList<LatencyRow> Build(IEnumerable<Sample> samples, string metric = "PingPong.latency", long messageSizeBytes = 0) =>
        samples
            .Where(s => s.Metric == metric && s.Unit == Units.Microseconds && s.Meta.MessageSizeBytes == messageSizeBytes && s.Meta.Placement != Placement.None)
            .GroupBy(Statistics.EnvironmentOf)
            .Select(g => Row(g.Key, g.GroupBy(s => s.Meta.Placement).ToDictionary(p => p.Key, p => Statistics.Median(p.Select(s => s.Value)))))
            .ToList();

    /// <summary>A row from latencies already reduced to one value per placement.</summary>
    public static LatencyRow Row(string environment, IReadOnlyDictionary<Placement, double> latencyUs)
    {
        var ratios = latencyUs.TryGetValue(Placement.IntraSocket, out var intra) && intra > 0
            ? latencyUs.ToDictionary(l => l.Key, l => l.Value / intra)
            : [];
        return new LatencyRow(environment, latencyUs, ratios);
    }
}
