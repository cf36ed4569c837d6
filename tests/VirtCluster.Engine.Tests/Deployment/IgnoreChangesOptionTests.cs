using System.Text.Json.Nodes;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.Deployment;

public sealed class IgnoreChangesOptionTests
{
    private static readonly DeploymentOptions Defaults = new();

    [Fact]
    public async Task AChangeToAnIgnoredPropertyIsNotPlannedWhileTheSameChangeElsewhereIs()
    {
        var stack = new TestStack();
        stack.Options["node-h0"] = new ResourceOptions { IgnoreChanges = ["vcpus"] };
        await stack.Engine().UpAsync(Defaults);
        stack.Vcpus = 16;

        var plan = await stack.Engine().PreviewAsync();

        var ignored = plan.Steps.Single(s => s.Urn.Name == "node-h0");
        var control = plan.Steps.Single(s => s.Urn.Name == "node-h1");
        Assert.Equal(StepKind.Same, ignored.Kind);
        Assert.Empty(ignored.Diffs);
        Assert.Equal(8, ignored.Inputs["vcpus"]!.GetValue<int>());
        Assert.Equal(StepKind.UpdateRestart, control.Kind);
        Assert.Equal("vcpus", Assert.Single(control.Diffs).Path);
    }

    [Fact]
    public async Task UpKeepsTheRecordedValueOfAnIgnoredPropertyInTheCloudAndInState()
    {
        var stack = new TestStack();
        stack.Options["node-h0"] = new ResourceOptions { IgnoreChanges = ["vcpus"] };
        await stack.Engine().UpAsync(Defaults);
        stack.Vcpus = 16;

        var result = await stack.Engine().UpAsync(Defaults);

        Assert.Equal(new ChangeCounts(0, 1, 0, 0, 10), result.Counts);
        Assert.Equal(8, stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::node-h0")).Inputs["vcpus"]!.GetValue<int>());
        Assert.Equal(16, stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::node-h1")).Inputs["vcpus"]!.GetValue<int>());
        var recorded = stack.Store.Load().Resources.Values.Single(r => r.Urn.Name == "node-h0");
        Assert.Equal(8, recorded.Inputs["vcpus"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnIgnoredPropertyStillTakesTheProgramsValueOnCreate()
    {
        var stack = new TestStack { Vcpus = 16 };
        stack.Options["node-h0"] = new ResourceOptions { IgnoreChanges = ["vcpus"] };

        await stack.Engine().UpAsync(Defaults);

        Assert.Equal(16, stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::node-h0")).Inputs["vcpus"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnUpdateOfAnotherPropertySendsTheRecordedValueOfTheIgnoredOne()
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { IgnoreChanges = ["size"] } };
        await stack.Engine().UpAsync(Defaults);
        stack.Inputs = new JsonObject { ["host"] = "h0", ["size"] = 20, ["spec"] = new JsonObject { ["memory"] = 2048, ["label"] = "a" } };

        var result = await stack.Engine().UpAsync(Defaults);

        Assert.Equal(new ChangeCounts(0, 1, 0, 0, 0), result.Counts);
        Assert.Equal("""{"host":"h0","size":10,"spec":{"memory":2048,"label":"a"}}""", stack.Object!.Inputs.ToJsonString());
        Assert.Equal("""{"host":"h0","size":10,"spec":{"memory":2048,"label":"a"}}""", stack.Recorded!.Inputs.ToJsonString());
    }

    [Fact]
    public async Task ADottedPathIgnoresOnlyThatMemberOfAnObject()
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { IgnoreChanges = ["spec.memory"] } };
        await stack.Engine().UpAsync(Defaults);
        stack.Inputs = new JsonObject { ["host"] = "h0", ["size"] = 10, ["spec"] = new JsonObject { ["memory"] = 4096, ["label"] = "a" } };
        var ignored = await stack.Engine().PreviewAsync();
        stack.Inputs = new JsonObject { ["host"] = "h0", ["size"] = 10, ["spec"] = new JsonObject { ["memory"] = 4096, ["label"] = "b" } };

        var control = await stack.Engine().PreviewAsync();

        Assert.Equal(StepKind.Same, Assert.Single(ignored.Steps).Kind);
        var step = Assert.Single(control.Steps);
        Assert.Equal(StepKind.Update, step.Kind);
        Assert.Equal("""{"host":"h0","size":10,"spec":{"memory":1024,"label":"b"}}""", step.Inputs.ToJsonString());
    }

    [Fact]
    public async Task AnIgnoredPropertyTheRecordStillLacksStaysAbsent()
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { IgnoreChanges = ["tags"] } };
        await stack.Engine().UpAsync(Defaults);
        stack.Inputs = new JsonObject { ["host"] = "h0", ["size"] = 10, ["spec"] = new JsonObject { ["memory"] = 1024, ["label"] = "a" }, ["tags"] = "x" };

        var plan = await stack.Engine().PreviewAsync();

        Assert.Equal(StepKind.Same, Assert.Single(plan.Steps).Kind);
    }
}
