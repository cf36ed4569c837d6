using System.Text.Json.Nodes;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.State;
using VirtCluster.Engine.Testing;

namespace VirtCluster.Engine.Tests.Providers;

/// <summary>The adapter between the engine's JSON and a typed provider's records.</summary>
public sealed class TypedProviderTests
{
    private static readonly Urn Machine = new("urn:virtcluster:dev::lab::test:Machine::m1");
    private readonly MachineProvider _typed = new();
    private readonly TypedProvider<MachineInputs, MachineOutputs> _provider;

    public TypedProviderTests() => _provider = TypedProvider.Of(_typed, TestProviderJson.Default);

    [Fact]
    public async Task InputsArriveAsTheRecordAndOutputsLeaveAsTheirPinnedJson()
    {
        var inputs = Json("""{"name":"m1","disk":"/d/m1.qcow2","vcpus":4,"tags":["a","b"]}""");

        var created = await _provider.CreateAsync(new ResourceRequest(Machine, null, inputs, null, null), default);

        var seen = Assert.Single(_typed.Requests);
        Assert.Equal(new MachineInputs("m1", "/d/m1.qcow2", 4, seen.Inputs.Tags), seen.Inputs);
        Assert.Equal(["a", "b"], seen.Inputs.Tags!);
        Assert.Equal("m-m1", created.Id);
        Assert.Equal("""{"name":"m1","running":true,"disk":"/d/m1.qcow2","vcpus":4}""", created.Outputs.ToJsonString());
    }

    [Fact]
    public async Task ANullMemberIsWrittenOrLeftOutAsTheRecordSays()
    {
        var created = await _provider.CreateAsync(new ResourceRequest(Machine, null, Json("""{"name":"m1","disk":""}"""), null, null), default);
        var readBack = await _provider.ReadAsync(new ResourceRequest(Machine, created.Id, [], null, Json("""{"name":"m2","running":false,"disk":null}""")), default);

        Assert.Equal("""{"name":"m1","running":true,"disk":""}""", created.Outputs.ToJsonString());
        Assert.Equal("""{"name":"m2","running":false,"disk":null}""", readBack!.Outputs.ToJsonString());
    }

    [Fact]
    public void AMissingRequiredInputIsACheckFailureNamingIt()
    {
        Assert.Empty(_provider.Check(Json("""{"name":"m1","disk":"/d/m1.qcow2"}""")));

        var failure = Assert.Single(_provider.Check(Json("""{"name":"m1"}""")));

        Assert.Equal(new CheckFailure("disk", "required (a non-empty string)"), failure);
        Assert.Equal(new CheckFailure("name", "required (a non-empty string)"), Assert.Single(_provider.Check(Json("""{"name":"","disk":"d"}"""))));
    }

    [Fact]
    public void AWrongTypedInputIsACheckFailureNamingIt()
    {
        Assert.Empty(_provider.Check(Json("""{"name":"m1","disk":"d","vcpus":2}""")));

        Assert.Equal(new CheckFailure("vcpus", "must be a number"), Assert.Single(_provider.Check(Json("""{"name":"m1","disk":"d","vcpus":true}"""))));
        Assert.Equal(new CheckFailure("tags[0]", "must be another type"), Assert.Single(_provider.Check(Json("""{"name":"m1","disk":"d","tags":[1]}"""))));
    }

    [Fact]
    public void TheProvidersOwnCheckRunsOnTheRecord()
    {
        Assert.Empty(_provider.Check(Json("""{"name":"m1","disk":"d","vcpus":1}""")));

        Assert.Equal(new CheckFailure("vcpus", "at least 1"), Assert.Single(_provider.Check(Json("""{"name":"m1","disk":"d","vcpus":0}"""))));
    }

    [Fact]
    public async Task AnInputUnknownInPreviewDoesNotFailCheckButOneNeverGivenDoes()
    {
        var known = Program(disk: builder => "/d/m1.qcow2");
        var unknown = Program(disk: builder => builder.Declare("test:Disk", "d1", new JsonObject { ["size"] = 3 }).Output("id").ToJson());
        var absent = Program(disk: _ => null);

        Assert.Equal(StepKind.Create, (await Engine(known).PreviewAsync()).Steps.Single(s => s.Urn.Name == "m1").Kind);
        var plan = await Engine(unknown).PreviewAsync();
        var error = await Assert.ThrowsAsync<CheckFailedException>(() => Engine(absent).PreviewAsync());

        Assert.True(UnknownValue.IsUnknown(plan.Steps.Single(s => s.Urn.Name == "m1").Inputs["disk"]));
        Assert.Equal("disk", Assert.Single(error.Failures).Property);
    }

    [Fact]
    public void TheDefaultDiffNamesTheChangedPropertyWithTheProvidersKind()
    {
        var recorded = new ResourceSnapshot(Machine, "m-m1", Json("""{"name":"m1","disk":"d","vcpus":2}"""), Json("""{"name":"m1","running":true,"disk":"d"}"""));

        var same = _provider.Diff(recorded, Json("""{"name":"m1","disk":"d","vcpus":2}"""));
        var vcpus = _provider.Diff(recorded, Json("""{"name":"m1","disk":"d","vcpus":4}"""));
        var disk = _provider.Diff(recorded, Json("""{"name":"m1","disk":"e","vcpus":2}"""));

        Assert.Equal((DiffKind.Same, 0), (same.Kind, same.Properties.Count));
        Assert.Equal(DiffKind.UpdateRestart, vcpus.Kind);
        Assert.Equal(("vcpus", "2", "4", DiffKind.UpdateRestart), Describe(Assert.Single(vcpus.Properties)));
        Assert.Equal(("disk", "\"d\"", "\"e\"", DiffKind.Replace), Describe(Assert.Single(disk.Properties)));
    }

    [Fact]
    public void AProviderRefinesTheDiffFromTheRecordedOutputs()
    {
        var inputs = Json("""{"name":"m1","disk":"d"}""");
        var running = new ResourceSnapshot(Machine, "m-m1", inputs, Json("""{"name":"m1","running":true,"disk":"d"}"""));
        var stopped = running with { Outputs = Json("""{"name":"m1","running":false,"disk":"d"}""") };
        var unfit = running with { Outputs = Json("""{"name":"m1"}""") };

        Assert.Equal(DiffKind.Same, _provider.Diff(running, inputs).Kind);
        Assert.Equal(("running", "false", "true", DiffKind.Update), Describe(Assert.Single(_provider.Diff(stopped, inputs).Properties)));
        Assert.Equal(DiffKind.Same, _provider.Diff(unfit, inputs).Kind);
    }

    [Fact]
    public async Task RecordedStateThatNoLongerFitsTheRecordArrivesAsNull()
    {
        var inputs = Json("""{"name":"m1","disk":"d"}""");

        await _provider.UpdateAsync(new ResourceRequest(Machine, "m-m1", inputs, inputs, Json("""{"name":"m1","running":true,"disk":"d"}""")), default);
        await _provider.UpdateAsync(new ResourceRequest(Machine, "m-m1", inputs, Json("""{"name":"m1"}"""), Json("""{"name":"m1","running":"yes"}""")), default);

        Assert.Equal(new MachineOutputs("m1", true, "d"), _typed.Requests[0].OldOutputs);
        Assert.Equal(new MachineInputs("m1", "d"), _typed.Requests[0].OldInputs);
        Assert.Null(_typed.Requests[1].OldOutputs);
        Assert.Null(_typed.Requests[1].OldInputs);
    }

    [Fact]
    public void TheConcurrencyKeyComesFromTheRecord() =>
        Assert.Equal("disk:/d/m1.qcow2", _provider.ConcurrencyKey(Json("""{"name":"m1","disk":"/d/m1.qcow2"}""")));

    private static (string, string?, string?, DiffKind) Describe(PropertyDiff diff) =>
        (diff.Path, diff.Old?.ToJsonString(), diff.New?.ToJsonString(), diff.Kind);

    private static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    private static StackBuilder Program(Func<StackBuilder, JsonNode?> disk)
    {
        var builder = new StackBuilder("lab", "dev", new StackConfig("lab", "dev", "/nonexistent/Pulumi.dev.yaml", new Dictionary<string, ConfigNode>()));
        var inputs = new JsonObject { ["name"] = "m1" };
        if (disk(builder) is { } value)
        {
            inputs["disk"] = value;
        }

        builder.Declare(MachineProvider.TypeName, "m1", inputs);
        return builder;
    }

    private StackEngine Engine(StackBuilder program) =>
        new(program, new ProviderRegistry([_provider, new InMemoryProvider("test:Disk", new InMemoryCloud())]), new InMemoryStateStore());
}
