using System.Text.Json;
using System.Text.Json.Nodes;
using VirtCluster.Bench.Stage;
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
    public void TheStagesTopLevelIsTypedAndItsTablesKeepTheirJson()
    {
        const string recorded = """{"runId":"r1","suite":"smoke","resultsFile":"/results/r1/results.json","rawOutputs":"/results/r1","baseline":"bmm","cluster":null,"runs":{"total":2,"ok":1,"failed":1},"failures":[{"id":"bmm/hpcc/rep2","reason":"timed out after 9.0 s"}],"environments":{"bmm":{"kind":"bareMetal","role":"bareMetal","netpipe":{"latencyUs":27.61,"bandwidthBytesPerSecond":606145309.966336,"placement":"intraSocket","latencyMessageSizeBytes":1,"peakBandwidthMessageSizeBytes":4194307}}},"ratios":{},"tables":{"latency":[],"throughput":[],"overhead":[],"efficiency":[]}}""";

        var outputs = JsonSerializer.Deserialize(recorded, ProviderJson.Default.BenchmarkStageOutputs)!;

        Assert.Equal((2, 1, 1), (outputs.Runs.Total, outputs.Runs.Ok, outputs.Runs.Failed));
        Assert.Equal(new StageFailure("bmm/hpcc/rep2", "timed out after 9.0 s"), Assert.Single(outputs.Failures));
        Assert.Null(outputs.Cluster);
        Assert.Equal(recorded, Write(outputs));
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
