using System.Security.Cryptography;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Bench.Suites;

namespace VirtCluster.Bench.Runners;

/// <summary>
/// Runs a suite on targets: every benchmark x sweep point x repetition, one after the other (runs must not
/// disturb each other's numbers). Every run ends as a <see cref="RunRecord"/>, ok with samples or failed with
/// its reason, and a failed run never stops the others. Progress says when each run starts, that it is still
/// running (every <see cref="SuiteRunOptions.Heartbeat"/>) and how it ended, with its time. Raw outputs go to
/// <c>RESULTS/RUN-ID/ENV/BENCHMARK/POINT/repK/</c> and the results file to <c>RESULTS/RUN-ID/results.json</c>.
/// Programs the user supplied are installed on each target before its runs; one that cannot be fails the runs that
/// need it, with the reason.
/// </summary>
public sealed class SuiteRunner
{
    /// <summary>The results file's name inside the execution folder.</summary>
    public const string ResultsFileName = "results.json";

    private readonly SuiteDefinition _suite;
    private readonly SuiteRunOptions _options;
    private readonly IReadOnlyList<BenchmarkDefinition> _selected;

    /// <exception cref="ArgumentException">A selected benchmark or a supplied binary is not in the suite.</exception>
    public SuiteRunner(SuiteDefinition suite, SuiteRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.RunId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Heartbeat, TimeSpan.Zero, nameof(options));
        if (options.SuppliedBinaries.Keys.FirstOrDefault(key => suite.Binaries.All(b => b.Key != key)) is { } unknown)
        {
            throw new ArgumentException(
                $"{suite.SourceFile}: the suite has no binary '{unknown}'; it has {string.Join(", ", suite.Binaries.Select(b => b.Key))}", nameof(options));
        }
        _suite = suite;
        _options = options;
        _selected = Select(suite, options.Benchmarks);
        RunFolder = Path.GetFullPath(Path.Combine(options.ResultsDirectory, options.RunId));
    }

    /// <summary>Absolute folder of this execution: the results file and one folder per environment.</summary>
    public string RunFolder { get; }

    public string ResultsFilePath => Path.Combine(RunFolder, ResultsFileName);

    /// <summary>The benchmarks this runner runs, in suite order.</summary>
    public IReadOnlyList<BenchmarkDefinition> Benchmarks => _selected;

    /// <summary>
    /// Runs the selected benchmarks on each target in turn and writes the results file (after each target,
    /// so an interrupted execution still leaves the finished targets' results).
    /// </summary>
    public async Task<ResultsFile> RunAsync(
        IReadOnlyList<IBenchTarget> targets, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            throw new ArgumentException("no target to run the suite on", nameof(targets));
        }

        if (targets.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"two targets are named '{duplicate.Key}'; environment names must differ", nameof(targets));
        }

        var created = DateTimeOffset.UtcNow;
        var environments = new List<EnvironmentFingerprint>();
        var runs = new List<RunRecord>();
        ResultsFile results = null!;
        foreach (var target in targets)
        {
            var done = await RunTargetAsync(target, progress, cancellationToken).ConfigureAwait(false);
            environments.Add(done.Environment);
            runs.AddRange(done.Runs);
            results = new ResultsFile(ResultsFile.CurrentSchemaVersion, _options.RunId, created, _suite.Name, environments.ToList(), runs.ToList());
            ResultsJson.Write(results, ResultsFilePath);
        }

        return results;
    }

    /// <summary>Runs the selected benchmarks on one target, without writing the results file.</summary>
    public async Task<TargetRuns> RunTargetAsync(IBenchTarget target, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        Directory.CreateDirectory(Path.Combine(RunFolder, target.Name));
        var facts = await TargetFacts.ProbeAsync(target, _options.Mpirun, _options.HelperTimeout, cancellationToken).ConfigureAwait(false);
        progress?.Report($"[{target.Name}] {target.Kind} on {string.Join(", ", target.Nodes)}: kernel {facts.Environment.Kernel}, "
            + (facts.Environment.MpiVersion ?? "no MPI"));
        var binaries = facts.Unusable is null
            ? await InstallSuppliedAsync(target, progress, cancellationToken).ConfigureAwait(false)
            : new TargetBinaries(BinaryPaths(), [], []);
        if (binaries.Sha256.Count > 0)
        {
            facts = facts with { Environment = facts.Environment with { Binaries = binaries.Sha256 } };
        }

        var runs = new List<RunRecord>();
        foreach (var benchmark in _selected)
        {
            var plan = Plan(target, facts, benchmark).ToList();
            var blocked = facts.Unusable ?? await FindMissingBinaryAsync(target, facts, benchmark, binaries, cancellationToken).ConfigureAwait(false);
            progress?.Report($"[{target.Name}] {benchmark.Name}: {plan.Count} run(s)" + (blocked is null ? "" : $", not started: {blocked}"));
            foreach (var run in plan)
            {
                if (blocked is not null)
                {
                    var never = new RunRecord(run.Id, benchmark.Name, target.Name, RunStatus.Failed, [], blocked);
                    progress?.Report(RunProgress.NotStarted(run, never));
                    runs.Add(never);
                    continue;
                }

                using var watch = RunProgress.Start(progress, run, _options.Heartbeat);
                var (record, elapsed) = await ExecuteAsync(run, binaries.Paths, cancellationToken).ConfigureAwait(false);
                watch?.End(record, elapsed);
                runs.Add(record);
            }
        }

        return new TargetRuns(facts.Environment, runs);
    }

    private IEnumerable<RunContext> Plan(IBenchTarget target, TargetFacts facts, BenchmarkDefinition benchmark) =>
        from point in benchmark.Points()
        from repetition in Enumerable.Range(1, benchmark.Repetitions)
        let id = RunNames.Run(target.Name, benchmark.Name, point, repetition)
        select new RunContext(target, facts, benchmark, point, repetition, id, Path.Combine(RunFolder, id));

    /// <returns>The record, and how long mpirun ran when it was started.</returns>
    private async Task<(RunRecord Record, TimeSpan? Elapsed)> ExecuteAsync(
        RunContext run, IReadOnlyDictionary<string, string> binaryPaths, CancellationToken cancellationToken)
    {
        var single = new SingleRun(run, _options.RunId, _options.Mpirun, binaryPaths, _options.HelperTimeout);
        try
        {
            return (await single.ExecuteAsync(cancellationToken).ConfigureAwait(false), single.MpirunElapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Anything else (a lost connection, a full disk) fails this run only; the next run may well work.
            return (new RunRecord(run.Id, run.Benchmark.Name, run.Target.Name, RunStatus.Failed, [], $"the run could not be carried out: {e.Message}"),
                single.MpirunElapsed);
        }
    }

    /// <summary>
    /// The programs the user supplied that the selected benchmarks need, installed on <paramref name="target"/>: the
    /// paths its runs start them by, over the suite's, with their checksums; a program that could not be read or
    /// installed has its reason instead.
    /// </summary>
    private async Task<TargetBinaries> InstallSuppliedAsync(IBenchTarget target, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var paths = BinaryPaths();
        var sha256 = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, localPath) in _options.SuppliedBinaries.Where(b => _selected.Any(benchmark => benchmark.Requires.Contains(b.Key))))
        {
            paths.Remove(key);
            byte[] program;
            try
            {
                program = await File.ReadAllBytesAsync(localPath, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems[key] = $"cannot read {localPath}: {e.Message}";
                continue;
            }

            try
            {
                paths[key] = await target.InstallAsync(key, localPath, program, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                problems[key] = $"could not install {localPath} on {string.Join(", ", target.Nodes)}: {e.Message}";
                continue;
            }

            sha256[key] = Convert.ToHexStringLower(SHA256.HashData(program));
            progress?.Report($"[{target.Name}] binary '{key}': {paths[key]} (sha256 {sha256[key]})");
        }

        return new TargetBinaries(paths, sha256, problems);
    }

    /// <summary>The first required binary that has no path or is not runnable on every node, as a reason; null when all are there.</summary>
    private async Task<string?> FindMissingBinaryAsync(
        IBenchTarget target, TargetFacts facts, BenchmarkDefinition benchmark, TargetBinaries binaries, CancellationToken cancellationToken)
    {
        foreach (var key in benchmark.Requires)
        {
            var binary = _suite.Binaries.Single(b => b.Key == key);
            if (binaries.Problems.TryGetValue(key, out var problem))
            {
                return $"binary '{key}' (virtcluster:bench binaries.{key}): {problem}";
            }

            if (!binaries.Paths.TryGetValue(key, out var path))
            {
                return $"binary '{key}' has no path: set {binary.ConfigKey} (its path on the nodes) or virtcluster:bench binaries.{key} "
                    + $"(a program on this machine to install) in the stack config ({binary.Description})";
            }

            var checkFolder = target.WorkingDirectoryFor(Path.Combine(RunFolder, target.Name), target.Name);
            var missing = await BinaryCheck.FindMissingAsync(
                target, path, _options.Mpirun, facts.IsRoot, checkFolder, _options.HelperTimeout, cancellationToken).ConfigureAwait(false);
            if (missing is not null)
            {
                return $"binary '{key}': {missing}; install it or set {binary.ConfigKey} in the stack config ({binary.Description})";
            }
        }

        return null;
    }

    /// <summary>Paths from the options, else the suite's defaults; keys with neither are absent.</summary>
    private Dictionary<string, string> BinaryPaths()
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var binary in _suite.Binaries)
        {
            var path = _options.BinaryPaths.TryGetValue(binary.Key, out var given) && given.Length > 0 ? given : binary.DefaultPath;
            if (path.Length > 0)
            {
                paths[binary.Key] = path;
            }
        }

        return paths;
    }

    /// <summary>One target's binaries: the path of each by suite key, the supplied ones' SHA-256, and why a supplied one is missing.</summary>
    private sealed record TargetBinaries(
        Dictionary<string, string> Paths, Dictionary<string, string> Sha256, Dictionary<string, string> Problems);

    private static List<BenchmarkDefinition> Select(SuiteDefinition suite, IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return suite.Benchmarks.ToList();
        }

        var unknown = names.Where(n => suite.Benchmarks.All(b => b.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"{suite.SourceFile}: no benchmark named {string.Join(", ", unknown.Select(n => $"'{n}'"))}; "
                + $"the suite has {string.Join(", ", suite.Benchmarks.Select(b => b.Name))}", nameof(names));
        }

        return suite.Benchmarks.Where(b => names.Contains(b.Name)).ToList();
    }
}
