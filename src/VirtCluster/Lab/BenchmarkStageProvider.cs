using System.Text.Json;
using System.Text.Json.Nodes;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Bench.Runners;
using VirtCluster.Bench.Stage;
using VirtCluster.Engine.Providers;
using VirtCluster.Resources;
using VirtCluster.Resources.Libvirt;

namespace VirtCluster.Lab;

/// <summary>
/// The benchmark stage: runs the suite with mpirun launched on the first node (over SSH from inside the lab's
/// namespace) and the same suite on the bare-metal hosts, and records the results as its outputs. Any change of
/// the cluster, the suite or the <c>trigger</c> (set by <c>bench</c>) runs it again; deleting it keeps the results
/// files. Inputs: <c>suite</c>, <c>suiteDigest</c>, <c>benchmarks</c>, <c>resultsDirectory</c>, <c>namespace</c>,
/// <c>nodes</c> (name, address, host key), <c>bareMetal</c>, <c>fingerprint</c>, <c>trigger</c>. The stage's
/// lines (each run's start, heartbeat and end) go to the status channel: the stage runs for minutes, and a
/// console without <c>-v</c> must still show which run is going and for how long.
/// </summary>
public sealed class BenchmarkStageProvider(StackKeys keys, LibvirtConnections connections) : IResourceProvider
{
    public string Type => ResourceTypes.BenchmarkStage;

    public IReadOnlyList<CheckFailure> Check(JsonObject inputs)
    {
        var failures = Inputs.RequireStrings(inputs, "uri", "suite", "resultsDirectory", "namespace").ToList();
        foreach (var host in inputs["bareMetal"]?.AsArray() ?? [])
        {
            if (host?.GetValue<string>() is not "localhost")
            {
                failures.Add(new CheckFailure("bareMetal", $"'{host}': only this machine (localhost) can run the bare-metal side"));
            }
        }

        return failures;
    }

    public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs) =>
        InputDiff.Compare(old.Inputs, newInputs, _ => DiffKind.Update);

    public Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) => RunAsync(request, cancellationToken);

    public Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) => RunAsync(request, cancellationToken);

    /// <summary>Results are files: the stage exists as long as its results file does.</summary>
    public Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(
            request.OldOutputs?["resultsFile"]?.GetValue<string>() is { } file && File.Exists(file)
                ? new ProviderResult(request.Id ?? "bench", (JsonObject)request.OldOutputs.DeepClone())
                : null);

    public Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<ProviderResult> RunAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var inputs = request.Inputs;
        var nodes = inputs["nodes"]!.AsArray()
            .Select(n => new LabNode(n!["name"]!.GetValue<string>(), n["address"]!.GetValue<string>(), n["hostKey"]!.GetValue<string>()))
            .ToList();
        var libvirt = connections.Get(Inputs.String(inputs, "uri"));
        var declared = inputs["fingerprint"]!.Deserialize<EnvironmentFingerprint>(ResultsJson.Options)! with
        {
            LibvirtVersion = libvirt.LibVersion().ToString(),
            QemuVersion = libvirt.HypervisorVersion().ToString(),
        };
        var first = nodes[0];
        await using var shell = await NodeShell.ConnectAsync(
            Inputs.String(inputs, "namespace"), first.Name, first.Address, first.HostKey, keys.Admin,
            TimeSpan.FromSeconds(60), request.Progress, cancellationToken);
        var cluster = new SshTarget(shell.Ssh, declared, [.. nodes.Select(n => n.Name)]);
        var bareMetal = (inputs["bareMetal"]?.AsArray() ?? []).Select(_ => (IBenchTarget)new LocalTarget("bmm")).ToList();
        var benchmarks = inputs["benchmarks"]?.AsArray().Select(b => b!.GetValue<string>()).ToList();
        var outputs = await BenchmarkStage.RunAsync(
            new BenchmarkStageRequest(Inputs.String(inputs, "suite"), Inputs.String(inputs, "resultsDirectory"), cluster, bareMetal)
            {
                Benchmarks = benchmarks is { Count: > 0 } ? benchmarks : null,
            },
            request.Status,
            cancellationToken);
        return new ProviderResult(outputs["runId"]?.GetValue<string>() ?? "bench", outputs);
    }
}
