using VirtCluster.Bench.Runners;
using VirtCluster.Bench.Suites;

namespace VirtCluster.Bench.Stage;

/// <summary>
/// The benchmark stage: runs a suite on the virtual cluster and on the bare-metal baselines with the same
/// commands, writes one results file for the execution and returns the stack outputs (latency and bandwidth
/// per environment, VM/bare-metal ratios, tables, paths of the raw outputs). Failed runs are recorded and
/// reported, never thrown; only a suite that cannot be loaded or a cancellation ends the stage early.
/// </summary>
public static class BenchmarkStage
{
    /// <exception cref="Engine.Config.ConfigException">The suite file is missing or invalid.</exception>
    /// <exception cref="ArgumentException">No target, duplicate environment names, or an unknown benchmark name.</exception>
    public static async Task<BenchmarkStageOutputs> RunAsync(BenchmarkStageRequest request, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var suite = SuiteLoader.Load(request.SuitePath);
        IReadOnlyList<IBenchTarget> targets = request.Cluster is { } cluster ? [cluster, .. request.BareMetal] : request.BareMetal;
        var runner = new SuiteRunner(suite, new SuiteRunOptions(request.ResultsDirectory, request.RunId ?? SuiteRunOptions.NewRunId(DateTimeOffset.UtcNow))
        {
            Benchmarks = request.Benchmarks,
            BinaryPaths = request.BinaryPaths,
            SuppliedBinaries = request.SuppliedBinaries,
        });
        progress?.Report($"benchmark stage: suite {suite.Name} ({string.Join(", ", runner.Benchmarks.Select(b => b.Name))}) "
            + $"on {string.Join(", ", targets.Select(t => t.Name))}; raw outputs in {runner.RunFolder}");
        var results = await runner.RunAsync(targets, progress, ct).ConfigureAwait(false);
        var failed = results.Runs.Count(r => r.Status == Model.RunStatus.Failed);
        progress?.Report($"benchmark stage: {results.Runs.Count - failed} of {results.Runs.Count} runs ok; results in {runner.ResultsFilePath}");
        return StageOutputs.Build(results, suite, runner.ResultsFilePath, request.BareMetal.FirstOrDefault()?.Name, request.Cluster?.Name);
    }
}
