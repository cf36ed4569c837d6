using VirtCluster.Bench.Metrics;

namespace VirtCluster.Report;

/// <summary>One latency table (the paper's Table 2) from one kind of measurement.</summary>
/// <param name="Title">What was measured, e.g. <c>IMB PingPong, 0-byte messages</c>.</param>
/// <param name="Rows">One per environment that measured it.</param>
public sealed record LatencySection(string Title, IReadOnlyList<LatencyRow> Rows);
