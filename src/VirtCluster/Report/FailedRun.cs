namespace VirtCluster.Report;

/// <summary>A run without usable numbers, listed so that a gap in a table is explained.</summary>
public sealed record FailedRun(string Environment, string RunId, string Benchmark, string Reason);
