using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace VirtCluster.Bench.Stage;

/// <summary>
/// The benchmark stage's stack outputs. The top level is typed; <see cref="Environments"/>, <see cref="Ratios"/> and
/// <see cref="Tables"/> stay JSON objects: they are keyed by environment and source names that only the suite knows,
/// and their entries are the results file's own records in its own JSON form, which a second set of records would
/// only copy. <c>resultsFile</c> is the results file's absolute path (the stage exists as long as it does),
/// <c>rawOutputs</c> the folder of every program's raw output, <c>baseline</c> the bare-metal environment ratios divide
/// by, <c>cluster</c> the virtual cluster's environment; those that may be null are written as null, as they always were.
/// </summary>
public sealed record BenchmarkStageOutputs(
    string RunId,
    string Suite,
    string ResultsFile,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? RawOutputs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Baseline,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Cluster,
    StageRuns Runs,
    IReadOnlyList<StageFailure> Failures,
    JsonObject Environments,
    JsonObject Ratios,
    JsonObject Tables);

/// <summary>A run that failed, and why (null where the run gave no reason).</summary>
public sealed record StageFailure(string Id, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Reason);

/// <summary>How many runs there were and how they ended (the SDK reads these as <c>Components.RunCounts</c>).</summary>
public sealed record StageRuns(int Total, int Ok, int Failed);
