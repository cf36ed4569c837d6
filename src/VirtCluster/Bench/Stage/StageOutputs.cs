using System.Text.Json;
using System.Text.Json.Nodes;
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
        var communication = results.Environments.ToDictionary(
            e => e.Name,
            e => CommunicationSource.All
                .Select(source => (source.Key, Figures: Reduce(source, samples.Where(s => s.Meta.EnvironmentName == e.Name).ToList())))
                .Where(f => f.Figures is not null)
                .ToDictionary(f => f.Key, f => f.Figures!.Value));

        var environments = new JsonObject();
        foreach (var environment in results.Environments)
        {
            var entry = JsonSerializer.SerializeToNode(environment, ResultsJson.Options)!.AsObject();
            entry.Remove("name");
            entry["role"] = environment.Name == cluster ? "cluster" : "bareMetal";
            foreach (var (key, figures) in communication[environment.Name])
            {
                entry[key] = figures.ToJson();
            }

            environments[environment.Name] = entry;
        }

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
            Ratios(communication, baseline),
            Tables(okRuns, suite, baseline));
    }

    /// <summary>Each environment's latency and bandwidth divided by the baseline's, per source both measured.</summary>
    private static JsonObject Ratios(Dictionary<string, Dictionary<string, Figures>> communication, string? baseline)
    {
        var ratios = new JsonObject();
        if (baseline is null || !communication.TryGetValue(baseline, out var reference))
        {
            return ratios;
        }

        foreach (var (environment, figures) in communication.Where(c => c.Key != baseline))
        {
            var entry = new JsonObject { ["baseline"] = baseline };
            foreach (var (key, mine) in figures.Where(f => reference.ContainsKey(f.Key)))
            {
                entry[key] = new JsonObject
                {
                    ["latency"] = mine.LatencyUs / reference[key].LatencyUs,
                    ["bandwidth"] = mine.BandwidthBytesPerSecond / reference[key].BandwidthBytesPerSecond,
                };
            }

            ratios[environment] = entry;
        }

        return ratios;
    }

    private static JsonObject Tables(List<RunRecord> okRuns, SuiteDefinition suite, string? baseline)
    {
        var samples = okRuns.SelectMany(r => r.Samples).ToList();
        var latency = new JsonArray();
        var throughput = new JsonArray();
        foreach (var source in CommunicationSource.All.Where(s => s.Swept))
        {
            var owned = samples.Where(source.Owns).ToList();
            if (owned.Where(s => s.Metric == source.LatencyMetric).Select(s => s.Meta.MessageSizeBytes).Min() is { } smallest)
            {
                foreach (var row in LatencyTable.Build(owned, source.LatencyMetric, smallest))
                {
                    latency.Add(Tagged(row, source.Key, smallest));
                }
            }

            foreach (var series in ThroughputCurve.Build(owned, source.BandwidthMetric))
            {
                throughput.Add(Tagged(series, source.Key, null));
            }
        }

        var overhead = new JsonArray();
        if (baseline is not null)
        {
            foreach (var row in Overhead.Build(samples, baseline).Concat(Overhead.Build(samples, baseline, "HPL", Direction.HigherIsBetter)))
            {
                overhead.Add(JsonSerializer.SerializeToNode(row, ResultsJson.Options));
            }
        }

        var efficiency = new JsonArray();
        foreach (var benchmark in suite.Benchmarks)
        {
            var own = okRuns.Where(r => r.Benchmark == benchmark.Name).SelectMany(r => r.Samples);
            foreach (var series in ParallelEfficiency.Build(own, ideal: benchmark.IdealEfficiency).Where(s => s.Points.Count > 1))
            {
                efficiency.Add(JsonSerializer.SerializeToNode(series, ResultsJson.Options));
            }
        }

        return new JsonObject { ["latency"] = latency, ["throughput"] = throughput, ["overhead"] = overhead, ["efficiency"] = efficiency };
    }

    private static JsonNode Tagged<T>(T value, string source, long? messageSizeBytes)
    {
        var node = JsonSerializer.SerializeToNode(value, ResultsJson.Options)!.AsObject();
        node["source"] = source;
        if (messageSizeBytes is { } size)
        {
            node["messageSizeBytes"] = size;
        }

        return node;
    }

    private static Figures? Reduce(CommunicationSource source, List<Sample> samples)
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
            return new Figures(Statistics.Median(latency.Select(s => s.Value)), null,
                Statistics.Median(bandwidth.Select(s => s.Value)), null, latency[0].Meta.Placement);
        }

        var smallest = latency.Min(s => s.Meta.MessageSizeBytes ?? 0);
        var latencyUs = Statistics.Median(latency.Where(s => (s.Meta.MessageSizeBytes ?? 0) == smallest).Select(s => s.Value));
        var peak = bandwidth.GroupBy(s => s.Meta.MessageSizeBytes ?? 0)
            .Select(g => (Size: g.Key, Value: Statistics.Median(g.Select(s => s.Value))))
            .MaxBy(p => p.Value);
        return new Figures(latencyUs, smallest, peak.Value, peak.Size, latency[0].Meta.Placement);
    }

    /// <summary>One environment's latency and bandwidth from one source.</summary>
    private readonly record struct Figures(
        double LatencyUs, long? LatencyMessageSizeBytes, double BandwidthBytesPerSecond, long? BandwidthMessageSizeBytes, Placement Placement)
    {
        public JsonObject ToJson()
        {
            var json = new JsonObject
            {
                ["latencyUs"] = LatencyUs,
                ["bandwidthBytesPerSecond"] = BandwidthBytesPerSecond,
                ["placement"] = JsonSerializer.SerializeToNode(Placement, ResultsJson.Options),
            };
            if (LatencyMessageSizeBytes is { } latencySize)
            {
                json["latencyMessageSizeBytes"] = latencySize;
            }

            if (BandwidthMessageSizeBytes is { } bandwidthSize)
            {
                json["peakBandwidthMessageSizeBytes"] = bandwidthSize;
            }

            return json;
        }
    }
}
