using System.Text.Json;
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
public sealed class BenchmarkStageTests(SshdFixture sshd) : IClassFixture<SshdFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("virtcluster-stage-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ClusterAndBareMetalGiveLatencyBandwidthTheirRatiosAndTablesAsTypedOutputs()
    {
        var (suitePath, _) = SmallSuites.Write(_directory, SmallSuites.DebianYaml());
        var cluster = new SshTarget(sshd.Runner, new EnvironmentFingerprint("local", EnvironmentKind.Tcg), ["localhost"],
            remoteRoot: Path.Combine(_directory, "remote"));
        var progress = new List<string>();
        var request = new BenchmarkStageRequest(suitePath, Path.Combine(_directory, "results"), cluster, [new LocalTarget("bmm")]) { RunId = "stage-1" };

        var outputs = await BenchmarkStage.RunAsync(request, new SynchronousProgress(progress), default);

        Assert.Equal(6, outputs.Runs.Ok);
        Assert.Empty(outputs.Failures);
        Assert.Equal(("local", "bmm"), (outputs.Cluster, outputs.Baseline));
        foreach (var environment in new[] { "local", "bmm" })
        {
            var entry = outputs.Environments[environment]!;
            Assert.True((double)entry["netpipe"]!["latencyUs"]! > 0);
            Assert.Equal(1, (long)entry["netpipe"]!["latencyMessageSizeBytes"]!);
            Assert.True((double)entry["netpipe"]!["bandwidthBytesPerSecond"]! > 0);
            Assert.True((double)entry["hpcc"]!["latencyUs"]! > 0);
            Assert.True((double)entry["hpcc"]!["bandwidthBytesPerSecond"]! > 0);
            Assert.True((double)entry["imb"]!["latencyUs"]! > 0);
            Assert.Equal(0, (long)entry["imb"]!["latencyMessageSizeBytes"]!);
            Assert.True((double)entry["imb"]!["bandwidthBytesPerSecond"]! > 0);
        }

        Assert.Equal("cluster", (string)outputs.Environments["local"]!["role"]!);
        Assert.Equal("tcg", (string)outputs.Environments["local"]!["kind"]!);
        var netpipe = outputs.Environments.ToDictionary(e => e.Key, e => e.Value!["netpipe"]!);
        Assert.Equal((double)netpipe["local"]["latencyUs"]! / (double)netpipe["bmm"]["latencyUs"]!, (double)outputs.Ratios["local"]!["netpipe"]!["latency"]!, 9);
        Assert.True((double)outputs.Ratios["local"]!["hpcc"]!["bandwidth"]! > 0);

        var tables = outputs.Tables;
        Assert.Equal(
            [("local", "netpipe"), ("bmm", "netpipe"), ("local", "imb"), ("bmm", "imb")],
            tables["latency"]!.AsArray().Select(r => ((string)r!["environment"]!, (string)r["source"]!)));
        Assert.True((double)tables["latency"]![0]!["latencyUs"]!["intraSocket"]! > 0);
        Assert.Contains(tables["throughput"]!.AsArray(), s => (string)s!["environment"]! == "bmm" && s["points"]!.AsArray().Count > 10);

        var resultsFile = outputs.ResultsFile;
        Assert.Equal(Path.Combine(_directory, "results", "stage-1", "results.json"), resultsFile);
        ResultsSchema.AssertValid(resultsFile);
        Assert.Equal(["local", "bmm"], ResultsJson.Read(resultsFile).Environments.Select(e => e.Name));
        Assert.True(File.Exists(Path.Combine(outputs.RawOutputs!, "bmm", "hpcc", "none-np2-t1", "rep1", "hpccoutf.txt")));
        Assert.Contains(progress, line => line.StartsWith("benchmark stage: 6 of 6 runs ok", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Number, outputs.Environments["local"]!["netpipe"]!["latencyUs"]!.GetValueKind());
    }
}
