using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Metrics;

/// <summary>A peak throughput a source states as a number, without the curve or the message size it was reached at.</summary>
/// <param name="Environment">Environment name.</param>
/// <param name="Placement">Placement of the two ranks.</param>
/// <param name="BytesPerSecond">The stated peak.</param>
/// <param name="Approximate">True when the source itself gives the number as approximate ("about 2.5 GB/s").</param>
public sealed record PublishedPeakPoint(string Environment, Placement Placement, double BytesPerSecond, bool Approximate);
