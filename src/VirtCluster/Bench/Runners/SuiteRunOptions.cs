namespace VirtCluster.Bench.Runners;

/// <summary>What one execution of a suite needs besides the suite and the targets.</summary>
/// <param name="ResultsDirectory">Parent folder; the execution writes into <c>RESULTS/RUN-ID/</c>.</param>
/// <param name="RunId">Names the execution's folder and tags every sample, so numbers lead back to raw outputs.</param>
public sealed record SuiteRunOptions(string ResultsDirectory, string RunId)
{
    /// <summary>Benchmarks to run, by suite name; null runs all of them.</summary>
    public IReadOnlyList<string>? Benchmarks { get; init; }

    /// <summary>Binary paths on the nodes by suite binary key (from the stack config); keys not given use the suite's default path.</summary>
    public IReadOnlyDictionary<string, string> BinaryPaths { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Programs the user supplied, by suite binary key: files on this machine that each target installs on its nodes
    /// before its runs (bare metal runs them where they are), with their SHA-256 in its fingerprint. A key given here
    /// and in <see cref="BinaryPaths"/> runs the supplied program.
    /// </summary>
    public IReadOnlyDictionary<string, string> SuppliedBinaries { get; init; } = new Dictionary<string, string>();

    /// <summary>The launcher on the targets' first node.</summary>
    public string Mpirun { get; init; } = "mpirun";

    /// <summary>Limit for the short commands around runs (version probes, binary checks, folder creation).</summary>
    public TimeSpan HelperTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often a run that is still going says so in the progress: often enough that a console watching a
    /// run of many minutes never looks hung, seldom enough that a CI log is not flooded.
    /// </summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A new run id from the current time: sortable, and unique enough for one results directory.</summary>
    public static string NewRunId(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)
        + "-" + Guid.NewGuid().ToString("N")[..6];
}
