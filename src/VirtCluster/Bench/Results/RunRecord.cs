using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Results;

/// <summary>
/// One execution of one benchmark at one sweep point, kept even when it failed so that a missing number
/// in a table can be explained.
/// </summary>
/// <param name="Id">Unique within the file, e.g. <c>imb-latency/inter-node/np2/t1/rep1</c>.</param>
/// <param name="Benchmark">Benchmark name of the suite.</param>
/// <param name="Environment">Name of an entry of <see cref="ResultsFile.Environments"/>.</param>
/// <param name="Status">Failed runs carry a <paramref name="Reason"/> and may carry no samples.</param>
/// <param name="Reason">Why it failed (non-zero exit, verification, timeout, ...); null when ok.</param>
/// <param name="RawOutput">Path of the saved raw output, relative to the results file; null when not kept.</param>
/// <param name="Samples">The numbers the run produced.</param>
public sealed record RunRecord(
    string Id,
    string Benchmark,
    string Environment,
    RunStatus Status,
    IReadOnlyList<Sample> Samples,
    string? Reason = null,
    string? RawOutput = null);
