using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Tests.State;

public sealed class RecordedOptionsTests
{
    private static readonly StateCodec Codec = new(secrets: null);

    [Fact]
    public void RecordedOptionsRoundTripThroughTheStateFile()
    {
        var resource = Resource() with { Options = new RecordedOptions(Protect: true, RetainOnDelete: true, DeleteTimeout: TimeSpan.FromMinutes(5)) };

        var json = Codec.Write(resource);
        var read = Codec.ReadResource(JsonNode.Parse(json.ToJsonString()));

        Assert.True(json["protect"]!.GetValue<bool>());
        Assert.True(json["retainOnDelete"]!.GetValue<bool>());
        Assert.Equal("00:05:00", json["deleteTimeout"]!.GetValue<string>());
        Assert.Equal(resource.Options, read.Options);
    }

    [Fact]
    public void DefaultOptionsAreNotWrittenSoTheEntryKeepsItsEarlierShape()
    {
        var json = Codec.Write(Resource());

        Assert.Equal(["urn", "type", "id", "inputs", "outputs", "dependencies", "parent"], json.Select(p => p.Key));
    }

    [Fact]
    public void AnEntryWrittenBeforeOptionsExistedReadsWithDefaults()
    {
        var entry = JsonNode.Parse("""
            {"urn":"urn:virtcluster:dev::lab::test:Vm::vm","type":"test:Vm","id":"vm-1","inputs":{"host":"h0"},"outputs":{"id":"vm-1"},"dependencies":[],"parent":null}
            """);

        var read = Codec.ReadResource(entry);

        Assert.Same(RecordedOptions.Default, read.Options);
        Assert.Equal("vm-1", read.Id);
    }

    [Fact]
    public void OptionsAreRecordedFromTheDeclarationOnlyWhereTheyOutliveTheProgram()
    {
        var options = new DeclarationOptions
        {
            Protect = true,
            IgnoreChanges = ["size"],
            CustomTimeouts = new CustomTimeouts { Create = TimeSpan.FromMinutes(1), Delete = TimeSpan.FromMinutes(3) },
        };

        Assert.Equal(new RecordedOptions(Protect: true, RetainOnDelete: false, DeleteTimeout: TimeSpan.FromMinutes(3)), RecordedOptions.Of(options));
        Assert.Same(RecordedOptions.Default, RecordedOptions.Of(DeclarationOptions.Default with { IgnoreChanges = ["size"] }));
    }

    private static ResourceState Resource() =>
        new(new Urn("urn:virtcluster:dev::lab::test:Vm::vm"), "test:Vm", "vm-1", new JsonObject { ["host"] = "h0" }, new JsonObject { ["id"] = "vm-1" }, [], null, false);
}
