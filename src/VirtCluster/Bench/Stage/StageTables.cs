using VirtCluster.Bench.Metrics;
using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Stage;

/// <summary>
/// The report's tables for this run. Latency rows and throughput curves come from several communication sources, so
/// each carries its source; their members are those of <see cref="LatencyRow"/> and <see cref="ThroughputSeries"/>
/// kept at the top level, because a table row is one line of <c>stack output</c>, which shows nested objects only to
/// two levels (<c>latencyUs.interNode</c>).
/// </summary>
public sealed record StageTables(
    IReadOnlyList<SourceLatencyRow> Latency,
    IReadOnlyList<SourceThroughputSeries> Throughput,
    IReadOnlyList<OverheadRow> Overhead,
    IReadOnlyList<EfficiencySeries> Efficiency);

/// <summary>A <see cref="LatencyRow"/> of one source, read at one message size.</summary>
/// <param name="Environment">Environment name.</param>
/// <param name="LatencyUs">One-way latency in microseconds per placement measured.</param>
/// <param name="RatioToIntraSocket">Latency divided by the same environment's intra-socket latency; empty without an intra-socket value.</param>
/// <param name="Source">The communication source's key, e.g. <c>netpipe</c>.</param>
/// <param name="MessageSizeBytes">The (smallest) message size the latencies were read at.</param>
public sealed record SourceLatencyRow(
    string Environment,
    IReadOnlyDictionary<Placement, double> LatencyUs,
    IReadOnlyDictionary<Placement, double> RatioToIntraSocket,
    string Source,
    long MessageSizeBytes)
{
    public static SourceLatencyRow Of(LatencyRow row, string source, long messageSizeBytes) =>
        new(row.Environment, row.LatencyUs, row.RatioToIntraSocket, source, messageSizeBytes);
}

/// <summary>A <see cref="ThroughputSeries"/> of one source.</summary>
/// <param name="Environment">Environment name.</param>
/// <param name="Placement">Placement of the two ranks.</param>
/// <param name="Points">Ordered by message size.</param>
/// <param name="Source">The communication source's key, e.g. <c>netpipe</c>.</param>
public sealed record SourceThroughputSeries(
    string Environment,
    Placement Placement,
    IReadOnlyList<ThroughputPoint> Points,
    string Source)
{
    public static SourceThroughputSeries Of(ThroughputSeries series, string source) =>
        new(series.Environment, series.Placement, series.Points, source);
}
