using System.Diagnostics;
using System.Globalization;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.State;
using VirtCluster.Engine.Testing;

namespace VirtCluster.Benchmarks.Engine;

/// <summary>
/// The engine's performance table: first up, preview (of the deployed stack: every resource diffed), no-op up and
/// destroy of cluster-shaped graphs with
/// in-memory providers and the real file state (journal with fsync, checkpoint), medians over repeated runs;
/// then the no-op up of the 16-host graph as a whole process.
/// </summary>
public static class EngineBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Option(args, "--runs", 5);
        var processRuns = Option(args, "--process-runs", 7);
        var sizes = OptionList(args, "--hosts", [16, 64, 256, 1024]);

        Console.WriteLine($"Engine benchmark: medians of {runs} runs; in-memory providers, file state (fsync), --parallel 4");
        Console.WriteLine();
        Console.WriteLine("| hosts | resources | preview ms (deployed) | first up ms | no-op up ms | destroy ms | up us/resource | first-up journal bytes/op | checkpoint bytes | no-op up bytes written |");
        Console.WriteLine("|------:|----------:|----------------------:|------------:|------------:|-----------:|---------------:|--------------------------:|-----------------:|-----------------------:|");
        foreach (var hosts in sizes)
        {
            var row = await MeasureAsync(hosts, runs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {hosts} | {row.Resources} | {row.Preview:0.0} | {row.FirstUp:0.0} | {row.NoOpUp:0.0} | {row.Destroy:0.0} | {row.FirstUp * 1000 / row.Resources:0.0} | {row.JournalBytesPerOperation:0} | {row.CheckpointBytes} | {row.NoOpBytes} |"));
        }

        Console.WriteLine();
        var process = await WholeProcess.MeasureNoOpUpAsync(16, processRuns);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Whole process, no-op up of the 16-host graph ({16 * 6} resources): median {process.Median:0} ms over {processRuns} runs (min {process.Min:0}, max {process.Max:0}); target <= 1500 ms"));
        return 0;
    }

    private static async Task<Row> MeasureAsync(int hosts, int runs)
    {
        var preview = new List<double>();
        var firstUp = new List<double>();
        var noOp = new List<double>();
        var destroy = new List<double>();
        long journalBytesPerOp = 0, checkpointBytes = 0, noOpBytes = 0;
        var resources = 0;
        for (var run = 0; run < runs; run++)
        {
            var backend = Path.Combine(Path.GetTempPath(), "virtcluster-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                var cloud = new InMemoryCloud();
                var providers = new ProviderRegistry(ClusterGraph.Providers(cloud));
                StackEngine Engine(FileStateStore store)
                {
                    var builder = new StackBuilder("bench", "bench", new StackConfig("bench", "bench", Path.Combine(backend, "Pulumi.bench.yaml"), new Dictionary<string, ConfigNode>()));
                    ClusterGraph.Declare(builder, hosts, "bookworm");
                    resources = builder.Resources.Count;
                    return new StackEngine(builder, providers, store);
                }

                var options = new DeploymentOptions { Parallelism = 4 };
                firstUp.Add(await Time(async store =>
                {
                    var result = await Engine(store).UpAsync(options);
                    Require(result.Succeeded && result.Counts.Created == resources, "first up", result);
                    checkpointBytes = new FileInfo(store.CheckpointPath).Length;
                    journalBytesPerOp = (store.BytesWritten - checkpointBytes) / resources;
                }, backend));
                preview.Add(await Time(async store =>
                {
                    var plan = await Engine(store).PreviewAsync();
                    Require(!plan.HasChanges, "preview", null);
                }, backend));
                noOp.Add(await Time(async store =>
                {
                    var result = await Engine(store).UpAsync(options);
                    Require(result.Counts.Changed == 0, "no-op up", result);
                    noOpBytes = store.BytesWritten;
                }, backend));
                destroy.Add(await Time(async store =>
                {
                    var result = await Engine(store).DestroyAsync(options);
                    Require(result.Counts.Deleted == resources && cloud.Objects.Count == 0, "destroy", result);
                }, backend));
            }
            finally
            {
                Directory.Delete(backend, recursive: true);
            }
        }

        return new Row(resources, Median.Of(preview), Median.Of(firstUp), Median.Of(noOp), Median.Of(destroy), journalBytesPerOp, checkpointBytes, noOpBytes);
    }

    /// <summary>Times one verb with a fresh store, as a new process would open it.</summary>
    private static async Task<double> Time(Func<FileStateStore, Task> verb, string backend)
    {
        using var store = new FileStateStore(backend, "bench", secrets: null);
        var watch = Stopwatch.StartNew();
        await verb(store);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static void Require(bool condition, string what, DeploymentResult? result)
    {
        if (!condition)
        {
            throw new InvalidOperationException(
                $"{what} did not do what the benchmark expects: {result?.Counts}; failures: {string.Join("; ", result?.Failures ?? [])}");
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static int[] OptionList(string[] args, string name, int[] fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? [.. args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] : fallback;
    }

    private sealed record Row(int Resources, double Preview, double FirstUp, double NoOpUp, double Destroy, long JournalBytesPerOperation, long CheckpointBytes, long NoOpBytes);
}
