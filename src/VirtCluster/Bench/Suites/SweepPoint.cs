using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Suites;

/// <summary>One run of a benchmark: a placement and one value of each sweep axis.</summary>
public sealed record SweepPoint(Placement Placement, int Processes, int Threads, long? MessageSizeBytes);
