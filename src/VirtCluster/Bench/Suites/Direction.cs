namespace VirtCluster.Bench.Suites;

/// <summary>Which way a metric improves: times and latencies go down, bandwidths and rates go up.</summary>
public enum Direction
{
    LowerIsBetter,
    HigherIsBetter,
}
