using VirtCluster.Bench.Runners;

namespace VirtCluster.Bench.Stage;

/// <summary>What the benchmark stage runs, where, and where it keeps the results.</summary>
/// <param name="SuitePath">Suite YAML file.</param>
/// <param name="ResultsDirectory">Parent of the execution folder (<c>RESULTS/RUN-ID/</c>).</param>
/// <param name="Cluster">The virtual cluster; null to measure bare metal only.</param>
/// <param name="BareMetal">Baselines, e.g. this machine as a <see cref="LocalTarget"/>; the first is the one ratios divide by.</param>
public sealed record BenchmarkStageRequest(
    string SuitePath,
    string ResultsDirectory,
    IBenchTarget? Cluster,
    IReadOnlyList<IBenchTarget> BareMetal)
{
    /// <summary>Benchmarks to run by suite name; null runs the whole suite.</summary>
    public IReadOnlyList<string>? Benchmarks { get; init; }

    /// <summary>Binary paths on the nodes by suite binary key, from the suite's config keys in the stack config.</summary>
    public IReadOnlyDictionary<string, string> BinaryPaths { get; init; } = new Dictionary<string, string>();

    /// <summary>Programs on this machine by suite binary key (<c>virtcluster:bench</c> <c>binaries</c>), installed on every node.</summary>
    public IReadOnlyDictionary<string, string> SuppliedBinaries { get; init; } = new Dictionary<string, string>();

    /// <summary>Names the execution; a new time-based id when null.</summary>
    public string? RunId { get; init; }
}
