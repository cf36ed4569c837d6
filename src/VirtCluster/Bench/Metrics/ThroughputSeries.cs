using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Metrics;

/// <summary>One curve of the throughput figure (the paper's Fig. 2): one environment at one placement.</summary>
/// <param name="Environment">Environment name.</param>
/// <param name="Placement">Placement of the two ranks.</param>
/// <param name="Points">Ordered by message size.</param>
public sealed record ThroughputSeries(string Environment, Placement Placement, IReadOnlyList<ThroughputPoint> Points);
