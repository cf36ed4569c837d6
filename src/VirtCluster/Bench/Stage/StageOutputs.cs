using VirtCluster.Bench.Metrics;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Bench.Suites;

namespace VirtCluster.Bench.Stage;

/// <summary>
/// Turns a results file into the stage's stack outputs: typed numbers and tables, never strings of numbers,
/// with the paths of the results file and the raw outputs so every number can be traced back. Only ok runs
/// contribute numbers; failed runs are listed with their reasons. Units follow the samples: latency in
/// microseconds (<c>...Us</c>), bandwidth in bytes per second (<c>...BytesPerSecond</c>).
/// </summary>
public static class StageOutputs
{
    /// <param name="results">The execution's results.</param>
    /// <param name="suite">The suite that ran, for ideal-efficiency curves.</param>
    /// <param name="resultsFilePath">Absolute path of the written results file.</param>
    /// <param name="baseline">The bare-metal environment ratios divide by; null when there is none.</param>
    /// <param name="cluster">The virtual cluster's environment name; null when it was not measured.</param>
    public static BenchmarkStageOutputs Build(ResultsFile results, SuiteDefinition suite, string resultsFilePath, string? baseline, string? cluster)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(suite);
        var okRuns = results.Runs.Where(r => r.Status == RunStatus.Ok).ToList();
        var samples = okRuns.SelectMany(r => r.Samples).ToList();
        var failed = results.Runs.Where(r => r.Status == RunStatus.Failed).ToList();
        var environments = results.Environments.ToDictionary(
            e => e.Name,
            e => Measured(e, e.Name == cluster ? EnvironmentRole.Cluster : EnvironmentRole.BareMetal,
                [.. samples.Where(s => s.Meta.EnvironmentName == e.Name)]));

        return new BenchmarkStageOutputs(
            results.RunId,
            results.Suite,
            resultsFilePath,
            Path.GetDirectoryName(resultsFilePath),
            baseline,
            cluster,
            new StageRuns(results.Runs.Count, results.Runs.Count - failed.Count, failed.Count),
            [.. failed.Select(r => new StageFailure(r.Id, r.Reason))],
            environments,
            Ratios(environments, baseline),
            Tables(okRuns, suite, baseline));
    }

    private static StageEnvironment Measured(EnvironmentFingerprint fingerprint, EnvironmentRole role, List<Sample> samples) =>
        new(role, fingerprint,
            Reduce(CommunicationSource.NetPipe, samples),
            Reduce(CommunicationSource.Imb, samples),
            Reduce(CommunicationSource.Hpcc, samples));

    /// <summary>Each environment's latency and bandwidth divided by the baseline's, per source both measured.</summary>
    private static Dictionary<string, StageRatios> Ratios(Dictionary<string, StageEnvironment> environments, string? baseline)
    {
        if (baseline is null || !environments.TryGetValue(baseline, out var reference))
        {
            return [];
        }

        return environments.Where(e => e.Key != baseline).ToDictionary(
            e => e.Key,
            e => new StageRatios(
                baseline,
                Ratio(e.Value.Netpipe, reference.Netpipe),
                Ratio(e.Value.Imb, reference.Imb),
                Ratio(e.Value.Hpcc, reference.Hpcc)));
    }

    private static SourceRatios? Ratio(CommunicationFigures? mine, CommunicationFigures? reference) =>
        mine is null || reference is null
            ? null
            : new SourceRatios(mine.LatencyUs / reference.LatencyUs, mine.BandwidthBytesPerSecond / reference.BandwidthBytesPerSecond);

    private static StageTables Tables(List<RunRecord> okRuns, SuiteDefinition suite, string? baseline)
    {
        var samples = okRuns.SelectMany(r => r.Samples).ToList();
        var latency = new List<SourceLatencyRow>();
        var throughput = new List<SourceThroughputSeries>();
        foreach (var source in CommunicationSource.All.Where(s => s.Swept))
        {
            var owned = samples.Where(source.Owns).ToList();
            if (owned.Where(s => s.Metric == source.LatencyMetric).Select(s => s.Meta.MessageSizeBytes).Min() is { } smallest)
            {
                latency.AddRange(LatencyTable.Build(owned, source.LatencyMetric, smallest).Select(row => SourceLatencyRow.Of(row, source.Key, smallest)));
            }

            throughput.AddRange(ThroughputCurve.Build(owned, source.BandwidthMetric).Select(series => SourceThroughputSeries.Of(series, source.Key)));
        }

        IReadOnlyList<OverheadRow> overhead = baseline is null
            ? []
            : [.. Overhead.Build(samples, baseline), .. Overhead.Build(samples, baseline, "HPL", Direction.HigherIsBetter)];

        var efficiency = new List<EfficiencySeries>();
        foreach (var benchmark in suite.Benchmarks)
        {
            var own = okRuns.Where(r => r.Benchmark == benchmark.Name).SelectMany(r => r.Samples);
            efficiency.AddRange(ParallelEfficiency.Build(own, ideal: benchmark.IdealEfficiency).Where(s => s.Points.Count > 1));
        }

        return new StageTables(latency, throughput, overhead, efficiency);
    }

    private static CommunicationFigures? Reduce(CommunicationSource source, List<Sample> samples)
    {
        var owned = samples.Where(source.Owns).ToList();
        var latency = owned.Where(s => s.Metric == source.LatencyMetric && s.Unit == Units.Microseconds).ToList();
        var bandwidth = owned.Where(s => s.Metric == source.BandwidthMetric && s.Unit == Units.BytesPerSecond).ToList();
        if (latency.Count == 0 || bandwidth.Count == 0)
        {
            return null;
        }

        if (!source.Swept)
        {
            return new CommunicationFigures(
                Statistics.Median(latency.Select(s => s.Value)), Statistics.Median(bandwidth.Select(s => s.Value)), latency[0].Meta.Placement);
        }

        var smallest = latency.Min(s => s.Meta.MessageSizeBytes ?? 0);
        var latencyUs = Statistics.Median(latency.Where(s => (s.Meta.MessageSizeBytes ?? 0) == smallest).Select(s => s.Value));
        var peak = bandwidth.GroupBy(s => s.Meta.MessageSizeBytes ?? 0)
            .Select(g => (Size: g.Key, Value: Statistics.Median(g.Select(s => s.Value))))
            .MaxBy(p => p.Value);
        return new CommunicationFigures(latencyUs, peak.Value, latency[0].Meta.Placement, smallest, peak.Size);
    }
}
