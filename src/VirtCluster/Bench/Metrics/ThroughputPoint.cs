namespace VirtCluster.Bench.Metrics;

/// <summary>Bandwidth at one message size (median of repetitions), in bytes per second.</summary>
public sealed record ThroughputPoint(long MessageSizeBytes, double BytesPerSecond);
