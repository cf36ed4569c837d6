using VirtCluster.Bench.Results;

namespace VirtCluster.Bench.Runners;

/// <summary>Everything one target produced in an execution: its probed fingerprint and every run, ok or failed.</summary>
public sealed record TargetRuns(EnvironmentFingerprint Environment, IReadOnlyList<RunRecord> Runs);
