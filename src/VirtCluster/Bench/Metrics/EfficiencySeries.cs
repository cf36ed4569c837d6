namespace VirtCluster.Bench.Metrics;

/// <summary>A benchmark's efficiency curve in one environment, ordered by process count.</summary>
public sealed record EfficiencySeries(string Benchmark, string Environment, IReadOnlyList<EfficiencyPoint> Points);
