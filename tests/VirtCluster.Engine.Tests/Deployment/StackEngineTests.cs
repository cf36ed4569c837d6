using System.Text.Json.Nodes;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.Testing;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.Deployment;

public sealed class StackEngineTests
{
    private static readonly DeploymentOptions Defaults = new();

    [Fact]
    public async Task FirstPreviewCreatesEverythingAndMarksReferencedOutputsUnknown()
    {
        var stack = new TestStack();

        var plan = await stack.Engine().PreviewAsync();

        Assert.Equal(11, plan.Counts[StepKind.Create]);
        Assert.All(plan.Steps, s => Assert.Equal(StepKind.Create, s.Kind));
        var node = plan.Steps.Single(s => s.Urn.Name == "node-h0");
        Assert.True(UnknownValue.IsUnknown(node.Inputs["disk"]));
        Assert.Equal(8, node.Inputs["vcpus"]!.GetValue<int>());
        Assert.Empty(stack.Cloud.Objects);
    }

    [Fact]
    public async Task UpCreatesDependenciesBeforeDependentsAndPreviewAfterwardsHasNoChanges()
    {
        var stack = new TestStack();

        var result = await stack.Engine().UpAsync(Defaults);

        Assert.True(result.Succeeded);
        Assert.Equal(new ChangeCounts(11, 0, 0, 0, 0), result.Counts);
        Assert.Equal(9, stack.Cloud.Objects.Count);
        var order = stack.Cloud.Operations.ToList();
        foreach (var h in new[] { 0, 1 })
        {
            Assert.True(order.FindIndex(o => o.EndsWith($"::pool-h{h}")) < order.FindIndex(o => o.EndsWith($"::img-h{h}")));
            Assert.True(order.FindIndex(o => o.EndsWith($"::img-h{h}")) < order.FindIndex(o => o.EndsWith($"::ovl-h{h}")));
            Assert.True(order.FindIndex(o => o.EndsWith($"::ovl-h{h}")) < order.FindIndex(o => o.EndsWith($"::node-h{h}")));
        }

        var node = stack.Cloud.FindByUrn(result.Plan.Steps.Single(s => s.Urn.Name == "node-h1").Urn.Value)!;
        var overlay = stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::ovl-h1"));
        Assert.Equal(overlay.Id, node.Inputs["disk"]!.GetValue<string>());

        var again = await stack.Engine().PreviewAsync();
        Assert.False(again.HasChanges);
        Assert.Equal(11, again.Counts[StepKind.Same]);
    }

    [Fact]
    public async Task NoOpUpChangesNothingAndWritesNoCheckpoint()
    {
        var stack = new TestStack();
        await stack.Engine().UpAsync(Defaults);
        var store = (InMemoryStateStore)stack.Store;
        var checkpoints = store.Checkpoints;
        var operations = stack.Cloud.Operations.Count;

        var result = await stack.Engine().UpAsync(Defaults);

        Assert.Equal(new ChangeCounts(0, 0, 0, 0, 11), result.Counts);
        Assert.Equal(checkpoints, store.Checkpoints);
        Assert.Equal(operations, stack.Cloud.Operations.Count);
    }

    [Fact]
    public async Task ChangedInputsPlanUpdateRestartAndReplaceWithPropertyDiffs()
    {
        var stack = new TestStack();
        await stack.Engine().UpAsync(Defaults);
        stack.Vcpus = 16;
        stack.Image = "trixie";

        var plan = await stack.Engine().PreviewAsync();

        var node = plan.Steps.Single(s => s.Urn.Name == "node-h0");
        var image = plan.Steps.Single(s => s.Urn.Name == "img-h0");
        Assert.Equal(StepKind.Replace, image.Kind);
        Assert.Equal("image", Assert.Single(image.Diffs).Path);
        Assert.Equal(StepKind.Replace, plan.Steps.Single(s => s.Urn.Name == "ovl-h0").Kind);
        Assert.Equal(StepKind.UpdateRestart, node.Kind);
        Assert.Contains(node.Diffs, d => d.Path == "vcpus" && d.Kind == Engine.Providers.DiffKind.UpdateRestart && d.New!.GetValue<int>() == 16);
        Assert.Contains(node.Diffs, d => d.Path == "disk" && UnknownValue.IsUnknown(d.New));
    }

    [Fact]
    public async Task UpAppliesReplacementsDeleteBeforeCreateAndRestartsInPlace()
    {
        var stack = new TestStack();
        await stack.Engine().UpAsync(Defaults);
        var oldImage = stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::img-h0")).Id;
        stack.Vcpus = 16;
        stack.Image = "trixie";

        var result = await stack.Engine().UpAsync(Defaults);

        Assert.True(result.Succeeded);
        Assert.Equal(new ChangeCounts(0, 2, 4, 0, 5), result.Counts);
        var ops = stack.Cloud.Operations.ToList();
        var img = result.Plan.Steps.Single(s => s.Urn.Name == "img-h0").Urn.Value;
        Assert.True(ops.LastIndexOf("delete " + img) < ops.LastIndexOf("create " + img));
        Assert.NotEqual(oldImage, stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::img-h0")).Id);
        Assert.Equal(16, stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::node-h0")).Inputs["vcpus"]!.GetValue<int>());
        Assert.False((await stack.Engine().PreviewAsync()).HasChanges);
    }

    [Fact]
    public async Task ResourcesNoLongerDeclaredAreDeletedDependentsFirst()
    {
        var stack = new TestStack { Hosts = 3 };
        await stack.Engine().UpAsync(Defaults);
        stack.Hosts = 1;

        var result = await stack.Engine().UpAsync(Defaults);

        Assert.Equal(10, result.Counts.Deleted);
        var ops = stack.Cloud.Operations.ToList();
        foreach (var h in new[] { 1, 2 })
        {
            Assert.True(ops.FindIndex(o => o == "delete " + Urn($"node-h{h}", h)) < ops.FindIndex(o => o.StartsWith("delete") && o.EndsWith($"::ovl-h{h}")));
            Assert.True(ops.FindIndex(o => o.StartsWith("delete") && o.EndsWith($"::ovl-h{h}")) < ops.FindIndex(o => o.StartsWith("delete") && o.EndsWith($"::img-h{h}")));
            Assert.True(ops.FindIndex(o => o.StartsWith("delete") && o.EndsWith($"::img-h{h}")) < ops.FindIndex(o => o.StartsWith("delete") && o.EndsWith($"::pool-h{h}")));
        }

        Assert.Equal(5, stack.Cloud.Objects.Count);
    }

    [Fact]
    public async Task ParallelismIsBoundedAndOperationsWithOneConcurrencyKeyRunOneAtATime()
    {
        var stack = new TestStack { Hosts = 8, Delay = TimeSpan.FromMilliseconds(20) };

        var result = await stack.Engine().UpAsync(Defaults with { Parallelism = 3 });

        Assert.True(result.Succeeded);
        Assert.Equal(3, stack.Cloud.MaxInFlight);
        Assert.Equal(1, stack.Cloud.MaxInFlightPerKey);
    }

    [Fact]
    public async Task AFailureStopsNewOperationsAndNamesTheResourceAndCause()
    {
        var stack = new TestStack { Hosts = 3, FailWhen = (op, urn) => op == "create" && urn.Name == "img-h1" };

        var result = await stack.Engine().UpAsync(Defaults with { Parallelism = 1 });

        var failure = Assert.Single(result.Failures);
        Assert.Equal("img-h1", failure.Urn.Name);
        Assert.Contains("injected failure", failure.ToString());
        Assert.Contains("::test:Host$test:BaseImage::img-h1", failure.ToString());
        Assert.DoesNotContain(stack.Cloud.Objects, o => o.Urn.EndsWith("::ovl-h1"));
        Assert.Contains(result.NotRun, u => u.Name == "node-h2");
        Assert.Contains(stack.Observer.Events, e => e.StartsWith("failed Create img-h1"));
    }

    [Fact]
    public async Task ContinueOnErrorDoesEverythingThatDoesNotDependOnTheFailure()
    {
        var stack = new TestStack { Hosts = 3, FailWhen = (op, urn) => op == "create" && urn.Name == "img-h1" };

        var result = await stack.Engine().UpAsync(Defaults with { Parallelism = 1, ContinueOnError = true });

        Assert.Single(result.Failures);
        Assert.Contains(stack.Cloud.Objects, o => o.Urn.EndsWith("::node-h2"));
        Assert.Contains(stack.Cloud.Objects, o => o.Urn.EndsWith("::node-h0"));
        Assert.Equal(["ovl-h1", "node-h1"], result.NotRun.Select(u => u.Name));

        stack.FailWhen = null;
        var retry = await stack.Engine().UpAsync(Defaults);
        Assert.Equal(3, retry.Counts.Created);
    }

    [Fact]
    public async Task TargetsChangeOnlyTheTargetAndItsDependents()
    {
        var stack = new TestStack();
        await stack.Engine().UpAsync(Defaults);
        stack.Image = "trixie";
        stack.Vcpus = 4;
        var target = Urn("img-h0", 0);

        var result = await stack.Engine().UpAsync(Defaults with { Targets = [new Urn(target)] });

        Assert.Equal(new ChangeCounts(0, 1, 2, 0, 8), result.Counts);
        Assert.Equal("bookworm", stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::img-h1")).Inputs["image"]!.GetValue<string>());
        Assert.Equal(8, stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::node-h1")).Inputs["vcpus"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnUnknownTargetIsAUsageError()
    {
        var stack = new TestStack();

        var error = await Assert.ThrowsAsync<Engine.Config.ConfigException>(() =>
            stack.Engine().UpAsync(Defaults with { Targets = [new Urn("urn:virtcluster:dev::lab::test:Node::nope")] }));

        Assert.Contains("test:Node::nope", error.Message);
    }

    [Fact]
    public async Task DestroyDeletesInReverseOrderAndASecondDestroyIsANoOp()
    {
        var stack = new TestStack();
        await stack.Engine().UpAsync(Defaults);

        var first = await stack.Engine().DestroyAsync(Defaults);
        var operations = stack.Cloud.Operations.Count;
        var second = await stack.Engine().DestroyAsync(Defaults);

        Assert.Equal(11, first.Counts.Deleted);
        Assert.Empty(stack.Cloud.Objects);
        Assert.Equal(ChangeCounts.None, second.Counts);
        Assert.Equal(operations, stack.Cloud.Operations.Count);
        var ops = stack.Cloud.Operations.ToList();
        Assert.True(ops.IndexOf("delete " + Urn("net", null)) > ops.IndexOf("delete " + Urn("node-h0", 0)));
        Assert.True(ops.IndexOf("delete " + Urn("net", null)) > ops.IndexOf("delete " + Urn("node-h1", 1)));
        Assert.Empty(stack.Engine().Outputs());
    }

    [Fact]
    public async Task ADestroyThatFailsOnOneHostDeletesEverythingElseThatDoesNotWaitForTheFailureAndTheNextFinishes()
    {
        var stack = new TestStack { Hosts = 3 };
        await stack.Engine().UpAsync(Defaults);
        stack.FailWhen = (op, urn) => op == "delete" && urn.Name == "ovl-h1";

        var result = await stack.Engine().DestroyAsync(Defaults with { Parallelism = 1 });

        var failure = Assert.Single(result.Failures);
        Assert.Equal("ovl-h1", failure.Urn.Name);
        Assert.Contains("injected failure", failure.ToString());
        // Everything of the other hosts, the shared network and the failed host's node (deleted before the failure)
        // are gone; the failed overlay and what it stands on (image, pool) stay, recorded, for the next destroy.
        Assert.Equal(["img-h1", "ovl-h1", "pool-h1"], stack.Cloud.Objects.Select(o => o.Urn[(o.Urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..]).Order());
        Assert.Equal(["h1", "img-h1", "ovl-h1", "pool-h1"], stack.Store.Load().Resources.Keys.Select(u => u.Name).Order());
        Assert.Contains(result.NotRun, u => u.Name == "img-h1");
        Assert.Equal(12, result.Counts.Deleted);

        stack.FailWhen = null;
        var retry = await stack.Engine().DestroyAsync(Defaults);
        Assert.True(retry.Succeeded);
        Assert.Empty(stack.Cloud.Objects);
    }

    [Fact]
    public async Task DestroyWithATargetRemovesItAndItsDependentsOnly()
    {
        var stack = new TestStack();
        await stack.Engine().UpAsync(Defaults);

        var result = await stack.Engine().DestroyAsync(Defaults with { Targets = [new Urn(Urn("ovl-h1", 1))] });

        Assert.Equal(2, result.Counts.Deleted);
        Assert.Equal(7, stack.Cloud.Objects.Count);
        Assert.DoesNotContain(stack.Cloud.Objects, o => o.Urn.EndsWith("::node-h1"));
    }

    [Fact]
    public async Task RefreshReportsAndRecordsDriftAndTheNextUpRepairsIt()
    {
        var stack = new TestStack();
        await stack.Engine().UpAsync(Defaults);
        var pool = stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::pool-h0"));
        stack.Cloud.Remove(pool.Id, pool.Urn);
        var node = stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::node-h1"));
        var changed = node.Inputs.DeepClone().AsObject();
        changed["vcpus"] = 2;
        stack.Cloud.Put(node with { Inputs = changed }, "drift");

        var preview = await stack.Engine().RefreshAsync(previewOnly: true);
        var refresh = await stack.Engine().RefreshAsync(previewOnly: false);
        var again = await stack.Engine().RefreshAsync(previewOnly: false);

        Assert.Equal(2, preview.Drifts.Count);
        Assert.Equal(preview.Drifts.Select(d => (d.Urn, d.Kind)), refresh.Drifts.Select(d => (d.Urn, d.Kind)));
        Assert.Contains(refresh.Drifts, d => d.Urn.Name == "pool-h0" && d.Kind == DriftKind.Deleted);
        Assert.Contains(refresh.Drifts, d => d.Urn.Name == "node-h1" && d.Kind == DriftKind.Changed && d.Properties.Any(p => p.Path == "vcpus"));
        Assert.Empty(again.Drifts);

        var up = await stack.Engine().UpAsync(Defaults);
        Assert.Equal(1, up.Counts.Created);
        Assert.Equal(8, stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::node-h1")).Inputs["vcpus"]!.GetValue<int>());
    }

    [Fact]
    public async Task StackOutputsAreResolvedTypedAndRecorded()
    {
        var stack = new TestStack();

        var result = await stack.Engine().UpAsync(Defaults);

        var node = stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::node-h0"));
        Assert.Equal(node.Id, result.Outputs["node0"]!.GetValue<string>());
        Assert.Equal(2, result.Outputs["hosts"]!.GetValue<int>());
        Assert.Equal(2.5, result.Outputs["table"]!["rows"]![1]!.GetValue<double>());
        Assert.True(JsonNode.DeepEquals(result.Outputs, stack.Engine().Outputs()));
    }

    [Fact]
    public async Task CheckFailuresNameTheResourceAndPropertyBeforeAnythingChanges()
    {
        var stack = new TestStack();
        var builder = stack.Build();
        builder.Declare("test:Pool", "bad", []);

        var error = await Assert.ThrowsAsync<CheckFailedException>(() =>
            new StackEngine(builder, stack.Providers(), stack.Store).UpAsync(Defaults));

        var failure = Assert.Single(error.Failures);
        Assert.Equal("bad", failure.Urn.Name);
        Assert.Equal("host", failure.Property);
        Assert.Contains("test:Pool::bad: property 'host' is required", error.Message);
        Assert.Empty(stack.Cloud.Objects);
    }

    [Fact]
    public async Task SecretsAreMaskedInPlansAndReachProvidersAsPlaintext()
    {
        var stack = new TestStack { Password = "hunter2" };
        await stack.Engine().UpAsync(Defaults);
        stack.Password = "correct horse";

        var plan = await stack.Engine().PreviewAsync();

        var diff = Assert.Single(plan.Steps.Single(s => s.Urn.Name == "node-h0").Diffs);
        Assert.Equal("password", diff.Path);
        Assert.Equal(SecretValue.Masked, diff.Old!.GetValue<string>());
        Assert.Equal(SecretValue.Masked, diff.New!.GetValue<string>());
        Assert.Equal("hunter2", stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::node-h0")).Inputs["password"]!.GetValue<string>());
    }

    private static string Urn(string name, int? host) => host is null
        ? $"urn:virtcluster:dev::lab::test:Network::{name}"
        : $"urn:virtcluster:dev::lab::test:Host${Type(name)}::{name}";

    private static string Type(string name) => name.Split('-')[0] switch
    {
        "pool" => "test:Pool",
        "img" => "test:BaseImage",
        "ovl" => "test:Overlay",
        _ => "test:Node",
    };
}
