using System.Text.Json.Nodes;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.Deployment;

public sealed class ReplaceOnChangesOptionTests
{
    private static readonly DeploymentOptions Defaults = new();

    [Fact]
    public async Task AChangeInAReplaceOnChangesPropertyIsPlannedAsAReplaceWithItsReason()
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { ReplaceOnChanges = ["size"] } };
        await stack.Engine().UpAsync(Defaults);
        stack.Inputs["size"] = 20;

        var plan = await stack.Engine().PreviewAsync();

        var step = Assert.Single(plan.Steps);
        Assert.Equal(StepKind.Replace, step.Kind);
        Assert.Equal("replaceOnChanges: size", step.Reason);
        var diff = Assert.Single(step.Diffs);
        Assert.Equal(("size", DiffKind.Replace), (diff.Path, diff.Kind));
    }

    [Fact]
    public async Task UpReplacesWhatTheProviderWouldHaveUpdatedInPlace()
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { ReplaceOnChanges = ["size"] } };
        await stack.Engine().UpAsync(Defaults);
        var before = stack.Object!.Id;
        stack.Inputs["size"] = 20;

        var result = await stack.Engine().UpAsync(Defaults);

        Assert.Equal(new ChangeCounts(0, 0, 1, 0, 0), result.Counts);
        Assert.Equal(["create " + SingleResourceStack.Urn, "delete " + SingleResourceStack.Urn, "create " + SingleResourceStack.Urn], stack.Cloud.Operations);
        Assert.NotEqual(before, stack.Object!.Id);
        Assert.Equal(20, stack.Object.Inputs["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task WithoutTheOptionTheSameChangeIsAnUpdateInPlace()
    {
        var stack = new SingleResourceStack();
        await stack.Engine().UpAsync(Defaults);
        var before = stack.Object!.Id;
        stack.Inputs["size"] = 20;

        var result = await stack.Engine().UpAsync(Defaults);

        Assert.Equal(new ChangeCounts(0, 1, 0, 0, 0), result.Counts);
        Assert.Equal(before, stack.Object!.Id);
    }

    [Fact]
    public async Task AChangeInAnotherPropertyIsStillAnUpdate()
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { ReplaceOnChanges = ["size"] } };
        await stack.Engine().UpAsync(Defaults);
        stack.Inputs["spec"] = new JsonObject { ["memory"] = 2048, ["label"] = "a" };

        var plan = await stack.Engine().PreviewAsync();

        var step = Assert.Single(plan.Steps);
        Assert.Equal(StepKind.Update, step.Kind);
        Assert.Null(step.Reason);
    }

    [Theory]
    [InlineData(2048, "a", "Replace")]
    [InlineData(1024, "b", "Update")]
    public async Task ADottedPathReplacesOnlyWhenThatMemberChanges(int memory, string label, string expected)
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { ReplaceOnChanges = ["spec.memory"] } };
        await stack.Engine().UpAsync(Defaults);
        stack.Inputs["spec"] = new JsonObject { ["memory"] = memory, ["label"] = label };

        var plan = await stack.Engine().PreviewAsync();

        Assert.Equal(expected, Assert.Single(plan.Steps).Kind.ToString());
    }

    [Fact]
    public async Task AStarReplacesOnAnyChange()
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { ReplaceOnChanges = ["*"] } };
        await stack.Engine().UpAsync(Defaults);
        stack.Inputs["spec"] = new JsonObject { ["memory"] = 1024, ["label"] = "b" };

        var plan = await stack.Engine().PreviewAsync();

        var step = Assert.Single(plan.Steps);
        Assert.Equal(StepKind.Replace, step.Kind);
        Assert.Equal("replaceOnChanges: spec", step.Reason);
    }
}
