using System.Text.Json.Nodes;
using VirtCluster.Sdk;


namespace VirtCluster.Engine.Tests.Sdk;

/// <summary>Programs written against the SDK, run through the real command line against an in-memory cloud.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task PreviewShowsAValueComputedFromAnOutputNotYetKnownAsKnownAfterApply()
    {
        var preview = await _harness.RunAsync(TwoResources, "preview", "--json");

        Assert.True(preview.Code == 0, preview.Err);
        var steps = JsonNode.Parse(preview.Out)!["steps"]!.AsArray();
        var machine = steps.Single(s => s!["urn"]!.GetValue<string>().EndsWith("::web", StringComparison.Ordinal))!;
        Assert.True(VirtCluster.Engine.Model.UnknownValue.IsUnknown(machine["inputs"]!["disk"]), machine.ToJsonString());
        Assert.Equal("h1", machine["inputs"]!["host"]!.GetValue<string>());
        Assert.Equal("[\"web\",\"h1\"]", machine["inputs"]!["tags"]!.ToJsonString());
        Assert.Empty(_harness.Cloud.Objects);

        var text = await _harness.RunAsync(TwoResources, "preview");
        Assert.Contains("disk: (known after apply)", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpComputesTheValueFromTheRealOutputAndExportsIt()
    {
        var up = await _harness.RunAsync(TwoResources, "up", "--yes");

        Assert.True(up.Code == 0, up.Err);
        var disk = _harness.Cloud.Objects.Single(o => o.Type == "test:Disk");
        var machine = _harness.Cloud.Objects.Single(o => o.Type == "test:Machine");
        Assert.Equal($"/dev/{disk.Id}?size=20", machine.Inputs["disk"]!.GetValue<string>());
        var outputs = await _harness.RunAsync(TwoResources, "stack", "output", "--json");
        var json = JsonNode.Parse(outputs.Out)!;
        Assert.Equal($"/dev/{disk.Id}?size=20", json["disk"]!.GetValue<string>());
        Assert.Equal(8, json["vcpus"]!.GetValue<int>());

        var again = await _harness.RunAsync(TwoResources, "preview", "--expect-no-changes");
        Assert.True(again.Code == 0, again.Out + again.Err);
    }

    [Fact]
    public async Task ASecretInputReachesTheProviderButIsMaskedInThePlanAndTheOutputs()
    {
        Task<IDictionary<string, object?>> Program()
        {
            var password = Output.CreateSecret("hunter2");
            var machine = new Machine("db", new MachineArgs { Host = "h1", Password = password.Apply(p => p + "!") });
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?> { ["password"] = password });
        }

        var preview = await _harness.RunAsync(Program, "preview", "--json");
        Assert.DoesNotContain("hunter2", preview.Out, StringComparison.Ordinal);
        Assert.Contains("[secret]", preview.Out, StringComparison.Ordinal);

        var up = await _harness.RunAsync(Program, "up", "--yes");
        Assert.True(up.Code == 0, up.Err);
        Assert.Equal("hunter2!", _harness.Cloud.Objects.Single().Inputs["password"]!.GetValue<string>());
        var outputs = await _harness.RunAsync(Program, "stack", "output", "--json");
        Assert.DoesNotContain("hunter2", outputs.Out, StringComparison.Ordinal);
        var shown = await _harness.RunAsync(Program, "stack", "output", "--json", "--show-secrets");
        Assert.Equal("hunter2", JsonNode.Parse(shown.Out)!["password"]!.GetValue<string>());
    }

    [Fact]
    public async Task NestedArgumentsCarryOutputsIntoAListOfObjects()
    {
        Task<IDictionary<string, object?>> Program()
        {
            var disk = new Disk("data", new DiskArgs { Host = "h1" });
            _ = new Machine("web", new MachineArgs
            {
                Host = "h1",
                Nics = { new NicArgs { Address = "10.0.0.5" }, new NicArgs { Address = disk.Id.Apply(id => "fe80::" + id.Length) } },
            });
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
        }

        var up = await _harness.RunAsync(Program, "up", "--yes");

        Assert.True(up.Code == 0, up.Err);
        var disk = _harness.Cloud.Objects.Single(o => o.Type == "test:Disk");
        var nics = _harness.Cloud.Objects.Single(o => o.Type == "test:Machine").Inputs["nics"]!.ToJsonString();
        Assert.Equal($"[{{\"address\":\"10.0.0.5\"}},{{\"address\":\"fe80::{disk.Id.Length}\"}}]", nics);
    }

    [Fact]
    public async Task DependingOnAComponentWaitsForChildrenItDeclaresLater()
    {
        var order = new List<string>();
        Task<IDictionary<string, object?>> Program()
        {
            var server = new Server("app", "h1");
            var late = new ComponentResource("test:index:Group", "late");
            _ = Output.Create(Task.Run(async () =>
            {
                await Task.Delay(50);
                return new Disk("late-disk", new DiskArgs { Host = "h2" }, new CustomResourceOptions { Parent = late });
            }));
            _ = new Machine("after", new MachineArgs { Host = "h2" }, new CustomResourceOptions { DependsOn = { late, server } });
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?> { ["machineId"] = server.MachineId });
        }

        var up = await _harness.RunAsync(Program, "up", "--yes", "--parallel", "1");

        Assert.True(up.Code == 0, up.Err);
        var operations = _harness.Cloud.Operations.ToList();
        Assert.True(operations.FindIndex(o => o.EndsWith("::late-disk", StringComparison.Ordinal))
            < operations.FindIndex(o => o.EndsWith("::after", StringComparison.Ordinal)), string.Join("\n", operations));
        Assert.True(operations.FindIndex(o => o.EndsWith("test:index:Server$test:Machine::app", StringComparison.Ordinal))
            < operations.FindIndex(o => o.EndsWith("::after", StringComparison.Ordinal)), string.Join("\n", operations));
    }

    [Fact]
    public async Task ARequiredInputLeftUnsetFailsTheProgramNamingIt()
    {
        var preview = await _harness.RunAsync(() =>
        {
            _ = new Disk("data", new DiskArgs());
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
        }, "preview");

        Assert.NotEqual(0, preview.Code);
        Assert.Contains("DiskArgs.Host (input 'host') is required", preview.Err, StringComparison.Ordinal);
    }

    /// <summary>A disk and a machine whose disk path is computed from the disk's id and size.</summary>
    private static Task<IDictionary<string, object?>> TwoResources()
    {
        var config = new VirtCluster.Sdk.Config();
        var disk = new Disk("data", new DiskArgs { Host = "h1", SizeGb = 20 });
        var machine = new Machine("web", new MachineArgs
        {
            Host = "h1",
            Disk = Output.Format($"/dev/{disk.Id}?size={disk.SizeGb}"),
            Tags = { "web", "h1" },
        });
        return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>
        {
            ["disk"] = machine.Disk,
            ["vcpus"] = config.RequireInt32("vcpus"),
        });
    }
}

/// <summary>A program written as a Stack class: its [Output] properties are the stack's outputs.</summary>
public sealed class StackProgramTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task AStacksOutputPropertiesAreTheStackOutputs()
    {
        var up = await _harness.RunAsync(() => Task.FromResult(new WebStack().Outputs()), "up", "--yes");

        Assert.True(up.Code == 0, up.Err);
        var disk = _harness.Cloud.Objects.Single(o => o.Type == "test:Disk");
        var outputs = await _harness.RunAsync(() => Task.FromResult(new WebStack().Outputs()), "stack", "output", "--json");
        Assert.Equal($"{{\"diskId\":\"{disk.Id}\",\"greeting\":\"hello from h1\"}}", System.Text.Json.Nodes.JsonNode.Parse(outputs.Out)!.ToJsonString());
    }

    private sealed class WebStack : VirtCluster.Sdk.Stack
    {
        public WebStack()
        {
            var disk = new Disk("data", new DiskArgs { Host = "h1" });
            DiskId = disk.Id;
            Greeting = Output.Create("h1").Apply(h => "hello from " + h);
        }

        [Output("diskId")]
        public Output<string> DiskId { get; }

        [Output]
        public Output<string> Greeting { get; }
    }
}

/// <summary>Resource options given in the program reach the engine.</summary>
public sealed class ProgramOptionTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task AProtectedResourceSurvivesDestroyUntilTheProgramUnprotectsIt()
    {
        var protect = true;
        Task<IDictionary<string, object?>> Program()
        {
            _ = new Disk("data", new DiskArgs { Host = "h1" }, new CustomResourceOptions { Protect = protect });
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
        }

        Assert.Equal(0, (await _harness.RunAsync(Program, "up", "--yes")).Code);
        var refused = await _harness.RunAsync(Program, "destroy", "--yes");
        Assert.NotEqual(0, refused.Code);
        Assert.Contains("protected", refused.Err, StringComparison.Ordinal);
        Assert.Single(_harness.Cloud.Objects);

        protect = false;
        Assert.Equal(0, (await _harness.RunAsync(Program, "up", "--yes")).Code);
        var destroyed = await _harness.RunAsync(Program, "destroy", "--yes");
        Assert.True(destroyed.Code == 0, destroyed.Err);
        Assert.Empty(_harness.Cloud.Objects);
    }
}

/// <summary>What the program says with <see cref="Log"/> is shown with the plan, by resource.</summary>
public sealed class ProgramLogTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task PreviewAndUpShowTheProgramsMessagesUnderDiagnosticsByResource()
    {
        Task<IDictionary<string, object?>> Program()
        {
            var disk = new Disk("data", new DiskArgs { Host = "h1" });
            Log.Info("data is formatted before web starts", disk);
            Log.Warn("h1 has one disk only");
            Log.Warn("data is not backed up", disk);
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
        }

        var preview = await _harness.RunAsync(Program, "preview");

        Assert.True(preview.Code == 0, preview.Err);
        var urn = "urn:virtcluster:dev::lab::test:Disk::data";
        Assert.Contains(
            $"\nDiagnostics:\n  {urn}:\n    info: data is formatted before web starts\n    warning: data is not backed up\n  stack:\n    warning: h1 has one disk only\n\nResources: 1 to create",
            preview.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var json = JsonNode.Parse((await _harness.RunAsync(Program, "preview", "--json")).Out)!["diagnostics"]!.AsArray();
        Assert.Equal(3, json.Count);
        Assert.Equal(("warning", null, "h1 has one disk only"), (json[1]!["severity"]!.GetValue<string>(), json[1]!["urn"]?.GetValue<string>(), json[1]!["message"]!.GetValue<string>()));
        Assert.Equal(urn, json[0]!["urn"]!.GetValue<string>());

        var up = await _harness.RunAsync(Program, "up", "--yes");
        Assert.True(up.Code == 0, up.Err);
        Assert.Contains("info: data is formatted before web starts", up.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProgramThatSaysNothingHasNoDiagnosticsSection()
    {
        var preview = await _harness.RunAsync(
            () =>
            {
                _ = new Disk("data", new DiskArgs { Host = "h1" });
                return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
            },
            "preview");

        Assert.True(preview.Code == 0, preview.Err);
        Assert.Contains("Resources: 1 to create", preview.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Diagnostics", preview.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void LogOutsideARunSaysSo()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Log.Info("nobody hears this"));
        Assert.Equal("Log.Info is called outside Deployment.RunAsync", error.Message);
    }
}
