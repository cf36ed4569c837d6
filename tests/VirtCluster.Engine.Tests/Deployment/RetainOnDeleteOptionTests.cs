using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.Deployment;

public sealed class RetainOnDeleteOptionTests
{
    private static readonly DeploymentOptions Defaults = new();

    [Fact]
    public async Task DestroyForgetsARetainedResourceWithoutCallingTheProvidersDelete()
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { RetainOnDelete = true } };
        await stack.Engine().UpAsync(Defaults);

        var result = await stack.EngineWithoutProgram().DestroyAsync(Defaults);

        Assert.Equal(new ChangeCounts(0, 0, 0, 1, 0), result.Counts);
        Assert.Empty(stack.Store.Load().Resources);
        Assert.NotNull(stack.Object);
        Assert.Equal(["create " + SingleResourceStack.Urn], stack.Cloud.Operations);
    }

    [Fact]
    public async Task WithoutTheOptionDestroyDeletesTheObject()
    {
        var stack = new SingleResourceStack();
        await stack.Engine().UpAsync(Defaults);

        await stack.EngineWithoutProgram().DestroyAsync(Defaults);

        Assert.Null(stack.Object);
        Assert.Equal(["create " + SingleResourceStack.Urn, "delete " + SingleResourceStack.Urn], stack.Cloud.Operations);
    }

    [Fact]
    public async Task ARetainedResourceTheProgramDropsIsForgottenNotDeleted()
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { RetainOnDelete = true } };
        await stack.Engine().UpAsync(Defaults);
        stack.Declared = false;

        var result = await stack.Engine().UpAsync(Defaults);

        Assert.Equal(1, result.Counts.Deleted);
        Assert.Null(stack.Recorded);
        Assert.NotNull(stack.Object);
    }

    [Fact]
    public async Task RetainOnDeleteIsInheritedFromTheParentComponent()
    {
        var stack = new TestStack { Hosts = 1 };
        stack.Options["h0"] = new ResourceOptions { RetainOnDelete = true };
        await stack.Engine().UpAsync(Defaults);

        await stack.EngineWithoutProgram().DestroyAsync(Defaults);

        Assert.Empty(stack.Store.Load().Resources);
        Assert.Equal(["test:BaseImage", "test:Node", "test:Overlay", "test:Pool"], stack.Cloud.Objects.Select(o => o.Type).Order());
    }

    [Fact]
    public async Task ReplacingARetainedResourceIsRefusedBecauseTheReplacementWouldTakeItsName()
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { RetainOnDelete = true } };
        await stack.Engine().UpAsync(Defaults);
        stack.Inputs["host"] = "h1";

        var refused = await Assert.ThrowsAsync<PlanRefusedException>(() => stack.Engine().UpAsync(Defaults));

        Assert.EndsWith(
            $"{SingleResourceStack.Urn} has RetainOnDelete and up would replace it, but the replacement would take the retained object's name; set RetainOnDelete = false in the program to replace it, or give it a new name to keep the old object",
            refused.Message);
        Assert.Equal(["create " + SingleResourceStack.Urn], stack.Cloud.Operations);
    }

    [Fact]
    public async Task WithRetainOnDeleteSetBackToFalseTheSameChangeReplacesIt()
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { RetainOnDelete = true } };
        await stack.Engine().UpAsync(Defaults);
        stack.Inputs["host"] = "h1";
        stack.Options = new ResourceOptions { RetainOnDelete = false };

        var result = await stack.Engine().UpAsync(Defaults);

        Assert.Equal(new ChangeCounts(0, 0, 1, 0, 0), result.Counts);
        Assert.Equal("h1", Assert.Single(stack.Cloud.Objects).Inputs["host"]!.GetValue<string>());
    }
}
