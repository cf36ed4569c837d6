using System.Runtime.Versioning;
using System.Security.Cryptography;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Bench.Runners;
using VirtCluster.Bench.Stage;
using VirtCluster.Tests.Bench.Runners;
using VirtCluster.Tests.Remote;

namespace VirtCluster.Tests.Bench.Stage;

/// <summary>
/// The stage with the shape of the local stack on loopback: a "cluster" reached over a real sshd on
/// 127.0.0.1 and this machine as bare metal, both running the cut-down Debian suite for real.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class BenchmarkStageTests(SshdFixture sshd) : IClassFixture<SshdFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("virtcluster-stage-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ClusterAndBareMetalGiveLatencyBandwidthTheirRatiosAndTablesAsTypedOutputs()
    {
        var (suitePath, _) = SmallSuites.Write(_directory, SmallSuites.DebianYaml());
        var cluster = new SshTarget(sshd.Runner, new EnvironmentFingerprint("local", EnvironmentKind.Tcg), ["localhost"],
            remoteRoot: Path.Combine(_directory, "remote"), environment: SmallSuites.LoopbackOnly);
        var progress = new List<string>();
        var request = new BenchmarkStageRequest(suitePath, Path.Combine(_directory, "results"), cluster, [new LocalTarget("bmm")]) { RunId = "stage-1" };

        var outputs = await BenchmarkStage.RunAsync(request, new SynchronousProgress(progress), default);

        Assert.Equal(16, outputs.Runs.Ok);
        Assert.Empty(outputs.Failures);
        Assert.Equal(("local", "bmm"), (outputs.Cluster, outputs.Baseline));
        foreach (var environment in new[] { "local", "bmm" })
        {
            var entry = outputs.Environments[environment];
            Assert.True(entry.Netpipe!.LatencyUs > 0);
            Assert.Equal(1, entry.Netpipe.LatencyMessageSizeBytes);
            Assert.True(entry.Netpipe.BandwidthBytesPerSecond > 0);
            Assert.True(entry.Hpcc!.LatencyUs > 0);
            Assert.True(entry.Hpcc.BandwidthBytesPerSecond > 0);
            Assert.True(entry.Imb!.LatencyUs > 0);
            Assert.Equal(0, entry.Imb.LatencyMessageSizeBytes);
            Assert.True(entry.Imb.BandwidthBytesPerSecond > 0);
        }

        Assert.Equal(["local", "bmm"], outputs.Environments.Keys);
        Assert.Equal(EnvironmentRole.Cluster, outputs.Environments["local"].Role);
        Assert.Equal(EnvironmentRole.BareMetal, outputs.Environments["bmm"].Role);
        Assert.Equal(EnvironmentKind.Tcg, outputs.Environments["local"].Fingerprint.Kind);
        var netpipe = outputs.Environments.ToDictionary(e => e.Key, e => e.Value.Netpipe!);
        Assert.Equal(netpipe["local"].LatencyUs / netpipe["bmm"].LatencyUs, outputs.Ratios["local"].Netpipe!.Latency, 9);
        Assert.True(outputs.Ratios["local"].Hpcc!.Bandwidth > 0);

        var tables = outputs.Tables;
        Assert.Equal(
            [("local", "netpipe"), ("bmm", "netpipe"), ("local", "imb"), ("bmm", "imb")],
            tables.Latency.Select(r => (r.Environment, r.Source)));
        Assert.True(tables.Latency[0].LatencyUs[Placement.IntraSocket] > 0);
        Assert.Contains(tables.Throughput, s => s.Environment == "bmm" && s.Source == "netpipe" && s.Points.Count > 10);

        var resultsFile = outputs.ResultsFile;
        Assert.Equal(Path.Combine(_directory, "results", "stage-1", "results.json"), resultsFile);
        ResultsSchema.AssertValid(resultsFile);
        Assert.Equal(["local", "bmm"], ResultsJson.Read(resultsFile).Environments.Select(e => e.Name));
        Assert.True(File.Exists(Path.Combine(outputs.RawOutputs!, "bmm", "hpcc", "none-np2-t1", "rep1", "hpccoutf.txt")));
        Assert.Contains(progress, line => line.StartsWith("benchmark stage: 16 of 16 runs ok", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASuppliedProgramIsInstalledOnTheNodesRunFromThereAndRecordedByItsSha256()
    {
        var (suitePath, _) = SmallSuites.Write(_directory, SmallSuites.SuppliedYaml());
        var script = SmallSuites.WriteSuppliedScript(_directory);
        var nodeBin = Path.Combine(_directory, "node", "opt", "virtcluster", "bin");
        var cluster = new SshTarget(sshd.Runner, new EnvironmentFingerprint("local", EnvironmentKind.Tcg), ["localhost"],
            remoteRoot: Path.Combine(_directory, "remote"), binDirectory: nodeBin, environment: SmallSuites.LoopbackOnly);
        var progress = new List<string>();
        var request = new BenchmarkStageRequest(suitePath, Path.Combine(_directory, "results"), cluster, [new LocalTarget("bmm")])
        {
            RunId = "supplied-1",
            Benchmarks = ["hello"],
            SuppliedBinaries = new Dictionary<string, string> { ["hello"] = script },
        };
        var installed = Path.Combine(nodeBin, "hello");
        Assert.False(File.Exists(installed));

        var outputs = await BenchmarkStage.RunAsync(request, new SynchronousProgress(progress), default);

        Assert.True(outputs.Runs.Ok == 2, string.Join("\n", outputs.Failures.Select(f => $"{f.Id}: {f.Reason}")));
        Assert.Equal(SmallSuites.SuppliedScriptSha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(script))));
        Assert.Equal(SmallSuites.SuppliedScript, File.ReadAllText(installed));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, File.GetUnixFileMode(installed));

        // Both environments record the checksum of what they ran: in the stage's outputs and in the results file.
        Assert.Equal(SmallSuites.SuppliedScriptSha256, outputs.Environments["local"].Fingerprint.Binaries!["hello"]);
        Assert.Equal(SmallSuites.SuppliedScriptSha256, outputs.Environments["bmm"].Fingerprint.Binaries!["hello"]);
        var results = ResultsJson.Read(outputs.ResultsFile);
        Assert.All(results.Environments, e => Assert.Equal(SmallSuites.SuppliedScriptSha256, Assert.Single(e.Binaries!).Value));
        ResultsSchema.AssertValid(outputs.ResultsFile);

        // The cluster ran the installed copy, bare metal the file where it is; both printed the time the suite parses.
        Assert.Equal([$"uploaded program {installed}", "Elapsed time = 4.75"], StdoutLines(outputs, "local"));
        Assert.Equal([$"uploaded program {script}", "Elapsed time = 4.75"], StdoutLines(outputs, "bmm"));
        Assert.All(results.Runs, r => Assert.Equal((4.75, Units.Seconds), (Assert.Single(r.Samples).Value, r.Samples[0].Unit)));
        Assert.Contains(progress, line => line == $"[local] binary 'hello': {installed} (sha256 {SmallSuites.SuppliedScriptSha256})");
    }

    private static string[] StdoutLines(BenchmarkStageOutputs outputs, string environment) =>
        File.ReadAllLines(Path.Combine(outputs.RawOutputs!, environment, "hello", "none-np1-t1", "rep1", "stdout.txt"));
}
