using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Metrics;

/// <summary>One environment's line of the latency table (the paper's Table 2).</summary>
/// <param name="Environment">Environment name.</param>
/// <param name="LatencyUs">One-way latency in microseconds per placement measured.</param>
/// <param name="RatioToIntraSocket">Latency divided by the same environment's intra-socket latency; empty without an intra-socket value.</param>
public sealed record LatencyRow(
    string Environment,
    IReadOnlyDictionary<Placement, double> LatencyUs,
    IReadOnlyDictionary<Placement, double> RatioToIntraSocket);
