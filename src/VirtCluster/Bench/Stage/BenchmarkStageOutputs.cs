using System.Text.Json.Serialization;

namespace VirtCluster.Bench.Stage;

/// <summary>
/// The benchmark stage's stack outputs, as records from the state file to the program's <c>Output</c>s.
/// <see cref="Environments"/> and <see cref="Ratios"/> are keyed by environment name (the cluster first, then bare
/// metal, in the order they ran); within an environment, communication sources are the fixed set of
/// <see cref="CommunicationSource.All"/>. <c>resultsFile</c> is the results file's absolute path (the stage exists as
/// long as it does), <c>rawOutputs</c> the folder of every program's raw output, <c>baseline</c> the bare-metal
/// environment ratios divide by, <c>cluster</c> the virtual cluster's environment; those that may be null are written
/// as null, as they always were, while a source an environment did not measure is left out.
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
    IReadOnlyDictionary<string, StageEnvironment> Environments,
    IReadOnlyDictionary<string, StageRatios> Ratios,
    StageTables Tables);

/// <summary>A run that failed, and why (null where the run gave no reason).</summary>
public sealed record StageFailure(string Id, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Reason);

/// <summary>How many runs there were and how they ended.</summary>
public sealed record StageRuns(int Total, int Ok, int Failed);
