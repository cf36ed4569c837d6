using VirtCluster.Bench.Results;

namespace VirtCluster.Report;

/// <summary>An environment as the report names it.</summary>
/// <param name="Label">Unique within the report: the environment's name, with the run id added when several files use the same name.</param>
/// <param name="Fingerprint">What its results depend on.</param>
/// <param name="RunId">The results file it came from.</param>
/// <param name="Baseline">Label of the environment it is compared against: its own file's baseline (itself, for that one).</param>
public sealed record ReportEnvironment(string Label, EnvironmentFingerprint Fingerprint, string RunId, string Baseline);
