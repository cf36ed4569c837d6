using System.Text.Json;
using System.Text.Json.Nodes;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Bench.Stage;
using VirtCluster.Engine.Model;
using VirtCluster.Cluster;
using VirtCluster.Resources;
using VirtCluster.Resources.Libvirt;

namespace VirtCluster.Tests.Resources;

/// <summary>
/// The provider records write what the providers wrote by hand before they were typed, so the state of an existing
/// stack reads back unchanged: each literal is recorded state, read into the record and written again.
/// </summary>
public sealed class ProviderJsonTests
{
    [Theory]
    [InlineData("""{"name":"agc01-node-0","host":"agc01","uuid":"0b1e3c5e-7d7a-4f53-9a51-3f7d2c9b8e10","running":true,"macs":["52:54:00:00:00:11"],"addresses":["10.77.0.11"],"hostKey":"ssh-ed25519 AAAAC3"}""")]
    [InlineData("""{"name":"n","host":"agc01","uuid":"u","running":false,"macs":null,"addresses":null}""")]
    public void NodeOutputsReadAndWriteAsRecorded(string recorded) => AssertRoundTrip<NodeOutputs>(recorded);

    [Fact]
    public void ANodeNeverSeenReadyHasNoHostKeyWhileItsUnknownAddressesAreNull()
    {
        var outputs = new NodeOutputs("n", "agc01", "u", true, null, null);

        Assert.Equal("""{"name":"n","host":"agc01","uuid":"u","running":true,"macs":null,"addresses":null}""", Write(outputs));
        Assert.Equal("""{"name":"n","host":"agc01","uuid":"u","running":true,"macs":null,"addresses":null,"hostKey":"k"}""", Write(outputs with { HostKey = "k" }));
    }

    [Theory]
    [InlineData("""{"name":"agc01-pool","active":true}""")]
    public void PoolAndNetworkOutputsReadAndWriteAsRecorded(string recorded) => AssertRoundTrip<ActiveObjectOutputs>(recorded);

    [Theory]
    [InlineData("""{"name":"agc01","uri":"test:///sim/agc01.xml","sockets":2,"coresPerSocket":4,"threadsPerCore":1,"cpus":8,"numaCells":2,"memoryBytes":51539607552,"hardwareVirtualisation":"vmx","hca":{"device":"pci_0000_05_00_0","address":"0000:05:00.0","iommuGroup":13},"firmware":"2.7.80","iommu":"intel_iommu=on","vfio":true}""")]
    [InlineData("""{"name":"local","uri":null,"sockets":1,"coresPerSocket":2,"threadsPerCore":1,"cpus":2,"numaCells":1,"memoryBytes":4294967296,"hardwareVirtualisation":null,"hca":null,"firmware":null,"iommu":null,"vfio":false}""")]
    public void HostFactsReadAndWriteAsRecorded(string recorded) => AssertRoundTrip<HostSummary>(recorded);

    [Fact]
    public void TheStagesInputsReadTheDeclaredFingerprintAsTheResultsFilesRecord()
    {
        const string recorded = """{"uri":"qemu:///system","namespace":"vc-local","suite":"/p/suites/debian.yaml","resultsDirectory":"/p/.virtcluster/results/local","suiteDigest":"ab12","benchmarks":[],"bareMetal":["localhost"],"binaries":{"hello":"/p/bin/hello"},"fingerprint":{"name":"tcg","kind":"tcg","hypervisor":"qemu (TCG)","imageDigest":"sha256:feed","configHash":"c0ff"},"nodes":[{"name":"local-local-0","address":"10.77.0.10","hostKey":"ssh-ed25519 AAAAC3"}]}""";

        var inputs = JsonSerializer.Deserialize(recorded, ProviderJson.Default.BenchmarkStageInputs)!;

        Assert.Equal(new EnvironmentFingerprint("tcg", EnvironmentKind.Tcg, Hypervisor: "qemu (TCG)", ImageDigest: "sha256:feed", ConfigHash: "c0ff"), inputs.Fingerprint);
        Assert.Null(inputs.Fingerprint!.Kernel);
        Assert.Equal("/p/bin/hello", inputs.Binaries!["hello"]);
        AssertRoundTrip<VirtCluster.Lab.BenchmarkStageInputs>(recorded);
    }

    /// <summary>The stage's outputs as a run records them: a cluster and a baseline, NetPIPE on both and HPCC on the cluster only.</summary>
    private const string RecordedStage = """{"runId":"r1","suite":"smoke","resultsFile":"/results/r1/results.json","rawOutputs":"/results/r1","baseline":"bmm","cluster":"tcg","runs":{"total":3,"ok":2,"failed":1},"failures":[{"id":"bmm/hpcc/rep2","reason":"timed out after 9.0 s"},{"id":"bmm/hpcc/rep3","reason":null}],"environments":{"tcg":{"role":"cluster","fingerprint":{"name":"tcg","kind":"tcg","kernel":"6.1.0-28-amd64","hypervisor":"qemu (TCG)"},"netpipe":{"latencyUs":110.44,"bandwidthBytesPerSecond":151536327.491584,"placement":"interNode","latencyMessageSizeBytes":1,"peakBandwidthMessageSizeBytes":4194307},"hpcc":{"latencyUs":6.02213,"bandwidthBytesPerSecond":6849190000,"placement":"none"}},"bmm":{"role":"bareMetal","fingerprint":{"name":"bmm","kind":"bareMetal"},"netpipe":{"latencyUs":27.61,"bandwidthBytesPerSecond":606145309.966336,"placement":"intraSocket","latencyMessageSizeBytes":1,"peakBandwidthMessageSizeBytes":4194307}}},"ratios":{"tcg":{"baseline":"bmm","netpipe":{"latency":4,"bandwidth":0.25}}},"tables":{"latency":[{"environment":"bmm","latencyUs":{"intraSocket":27.61},"ratioToIntraSocket":{"intraSocket":1},"source":"netpipe","messageSizeBytes":1}],"throughput":[{"environment":"bmm","placement":"intraSocket","points":[{"messageSizeBytes":1,"bytesPerSecond":34533.5}],"source":"netpipe"}],"overhead":[{"benchmark":"HPL","environment":"tcg","value":1.5,"baseline":3,"overheadPercent":50,"unit":"GFLOP/s"}],"efficiency":[]}}""";

    [Fact]
    public void TheStagesOutputsAreRecordsThatReadAndWriteAsRecorded()
    {
        var outputs = JsonSerializer.Deserialize(RecordedStage, ProviderJson.Default.BenchmarkStageOutputs)!;

        Assert.Equal((3, 2, 1), (outputs.Runs.Total, outputs.Runs.Ok, outputs.Runs.Failed));
        Assert.Equal([new StageFailure("bmm/hpcc/rep2", "timed out after 9.0 s"), new StageFailure("bmm/hpcc/rep3", null)], outputs.Failures);
        Assert.Equal(["tcg", "bmm"], outputs.Environments.Keys);
        var tcg = outputs.Environments["tcg"];
        Assert.Equal((EnvironmentRole.Cluster, EnvironmentKind.Tcg, "6.1.0-28-amd64"), (tcg.Role, tcg.Fingerprint.Kind, tcg.Fingerprint.Kernel));
        Assert.Equal(new CommunicationFigures(110.44, 151536327.491584, Placement.InterNode, 1, 4194307), tcg.Netpipe);
        Assert.Equal(new CommunicationFigures(6.02213, 6849190000, Placement.None), tcg.Hpcc);
        var bmm = outputs.Environments["bmm"];
        Assert.Equal(EnvironmentRole.BareMetal, bmm.Role);
        Assert.Equal(27.61, bmm.Netpipe!.LatencyUs);
        Assert.Null(bmm.Hpcc);
        Assert.Equal(new SourceRatios(4, 0.25), outputs.Ratios["tcg"].Netpipe);
        Assert.Null(outputs.Ratios["tcg"].Hpcc);
        Assert.Equal(27.61, Assert.Single(outputs.Tables.Latency).LatencyUs[Placement.IntraSocket]);
        Assert.Equal(("netpipe", 1), (outputs.Tables.Throughput[0].Source, outputs.Tables.Throughput[0].Points.Count));
        Assert.Equal(RecordedStage, Write(outputs));
        Assert.Equal(
            RecordedStage.Replace("\"cluster\":\"tcg\"", "\"cluster\":null", StringComparison.Ordinal),
            Write(outputs with { Cluster = null }));
    }

    /// <summary>
    /// The program reads the stage's outputs from state into the component's types and exports them as stack outputs
    /// with the engine's options: the JSON users and scripts read (<c>environments.tcg.netpipe.latencyUs</c>) is the
    /// state's, member for member.
    /// </summary>
    [Fact]
    public void TheProgramExportsTheStagesOutputsAsTheStateRecordsThem()
    {
        var state = JsonNode.Parse(RecordedStage)!.AsObject();

        var environments = RoundTrip<IReadOnlyDictionary<string, StageEnvironment>>(state["environments"]);
        var ratios = RoundTrip<IReadOnlyDictionary<string, StageRatios>>(state["ratios"]);
        var tables = RoundTrip<StageTables>(state["tables"]);
        var runs = RoundTrip<StageRuns>(state["runs"]);
        var failures = RoundTrip<System.Collections.Immutable.ImmutableArray<StageFailure>>(state["failures"]);

        Assert.Equal(110.44, (double)environments["tcg"]!["netpipe"]!["latencyUs"]!);
        Assert.Equal("cluster", (string)environments["tcg"]!["role"]!);
        Assert.Equal("bareMetal", (string)environments["bmm"]!["fingerprint"]!["kind"]!);
        Assert.Null(environments["bmm"]!["hpcc"]);
        Assert.NotNull(environments["tcg"]!["hpcc"]);
        Assert.Equal(4, (double)ratios["tcg"]!["netpipe"]!["latency"]!);
        Assert.Equal(27.61, (double)tables["latency"]![0]!["latencyUs"]!["intraSocket"]!);
        Assert.Equal(1, (int)runs["failed"]!);
        Assert.Equal("timed out after 9.0 s", (string)failures[0]!["reason"]!);
        Assert.True(failures[1]!.AsObject().TryGetPropertyValue("reason", out var reason) && reason is null);
        Assert.Equal(["tcg", "bmm"], environments.AsObject().Select(e => e.Key));
    }

    private static JsonNode RoundTrip<T>(JsonNode? recorded)
    {
        var value = recorded.Deserialize<T>(EngineJson.Options);
        var exported = JsonSerializer.SerializeToNode(value, EngineJson.Options)!;
        Assert.True(JsonNode.DeepEquals(recorded, exported), $"{recorded!.ToJsonString()}\n{exported.ToJsonString()}");
        return exported;
    }

    private static void AssertRoundTrip<T>(string recorded)
    {
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)ProviderJson.Default.GetTypeInfo(typeof(T))!;
        var record = JsonSerializer.Deserialize(recorded, info)!;

        Assert.Equal(recorded, JsonSerializer.Serialize(record, info));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(recorded), JsonSerializer.SerializeToNode(record, info)));
    }

    private static string Write<T>(T value) =>
        JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)ProviderJson.Default.GetTypeInfo(typeof(T))!);
}
