namespace VirtCluster.Bench.Model;

/// <summary>
/// Everything needed to tell two samples apart and to compare them fairly. Parsers fill what the output
/// says (benchmark, version, ranks, message size, parameters); the runner adds what only it knows
/// (nodes, threads, placement, environment, run id) with <c>with</c> expressions.
/// </summary>
/// <param name="Benchmark">Program or kernel as the output names it, e.g. <c>IMB-MPI1</c>, <c>SP-MZ</c>, <c>HPCC</c>.</param>
/// <param name="BenchmarkVersion">As printed, e.g. <c>2019 Update 6</c>; empty when the output does not say.</param>
/// <param name="Nodes">Nodes the run used.</param>
/// <param name="Ranks">MPI processes in total.</param>
/// <param name="Threads">OpenMP threads per process (OMP_NUM_THREADS).</param>
/// <param name="Placement">Relative position of communicating ranks; <see cref="Placement.None"/> for whole applications.</param>
/// <param name="MessageSizeBytes">Message size of communication benchmarks.</param>
/// <param name="EnvironmentKind">Bare metal, hypervisor or cloud.</param>
/// <param name="EnvironmentName">The user's name for the environment, e.g. the stack name.</param>
/// <param name="RunId">The results file's run id, so samples can be traced back to raw outputs.</param>
/// <param name="Parameters">Output-specific facts that are not numbers to compare, e.g. NPB class or IMB mode.</param>
public sealed record SampleMeta(
    string Benchmark,
    string BenchmarkVersion = "",
    int? Nodes = null,
    int? Ranks = null,
    int? Threads = null,
    Placement Placement = Placement.None,
    long? MessageSizeBytes = null,
    EnvironmentKind EnvironmentKind = EnvironmentKind.Unknown,
    string EnvironmentName = "",
    string RunId = "",
    IReadOnlyDictionary<string, string>? Parameters = null)
{
    /// <summary>Never null, so callers can index it without checks.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } =
        Parameters ?? new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Value equality including the parameters, so that metadata read back from JSON equals what was written.</summary>
    public bool Equals(SampleMeta? other) =>
        other is not null
        && Benchmark == other.Benchmark
        && BenchmarkVersion == other.BenchmarkVersion
        && Nodes == other.Nodes
        && Ranks == other.Ranks
        && Threads == other.Threads
        && Placement == other.Placement
        && MessageSizeBytes == other.MessageSizeBytes
        && EnvironmentKind == other.EnvironmentKind
        && EnvironmentName == other.EnvironmentName
        && RunId == other.RunId
        && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) && v == p.Value);

    public override int GetHashCode() =>
        HashCode.Combine(Benchmark, BenchmarkVersion, Ranks, Placement, MessageSizeBytes, EnvironmentName, RunId, Parameters.Count);
}
