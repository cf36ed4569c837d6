using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.Deployment;

public sealed class ProtectOptionTests
{
    private const string Node0 = "urn:virtcluster:dev::lab::test:Host$test:Node::node-h0";
    private const string Image0 = "urn:virtcluster:dev::lab::test:Host$test:BaseImage::img-h0";
    private const string Node1 = "urn:virtcluster:dev::lab::test:Host$test:Node::node-h1";

    private static readonly DeploymentOptions Defaults = new();

    [Fact]
    public async Task DestroyRefusesAProtectedResourceBeforeDeletingAnythingEvenWithoutTheProgram()
    {
        var stack = new TestStack();
        stack.Options["node-h0"] = new ResourceOptions { Protect = true };
        await stack.Engine().UpAsync(Defaults);
        var operations = stack.Cloud.Operations.Count;

        var refused = await Assert.ThrowsAsync<PlanRefusedException>(() => stack.EngineWithoutProgram().DestroyAsync(Defaults));

        Assert.Equal(
            $"destroy refused; nothing was changed:{Environment.NewLine}  {Node0} is protected; set Protect = false in the program and run up, then destroy",
            refused.Message);
        Assert.Equal(9, stack.Cloud.Objects.Count);
        Assert.Equal(operations, stack.Cloud.Operations.Count);
        Assert.Equal(11, stack.Store.Load().Resources.Count);
    }

    [Fact]
    public async Task AfterAnUpWithProtectFalseDestroyDeletesEverything()
    {
        var stack = new TestStack();
        stack.Options["node-h0"] = new ResourceOptions { Protect = true };
        await stack.Engine().UpAsync(Defaults);
        stack.Options["node-h0"] = new ResourceOptions { Protect = false };
        await stack.Engine().UpAsync(Defaults);

        var result = await stack.EngineWithoutProgram().DestroyAsync(Defaults);

        Assert.True(result.Succeeded);
        Assert.Equal(11, result.Counts.Deleted);
        Assert.Empty(stack.Cloud.Objects);
    }

    [Fact]
    public async Task AnUpThatChangesOnlyTheFlagRecordsItWithoutCallingTheProvider()
    {
        var stack = new TestStack();
        await stack.Engine().UpAsync(Defaults);
        var operations = stack.Cloud.Operations.Count;
        stack.Options["node-h0"] = new ResourceOptions { Protect = true };

        var protect = await stack.Engine().UpAsync(Defaults);
        var recordedProtected = stack.Store.Load().Resources[new Urn(Node0)].Options.Protect;
        stack.Options.Remove("node-h0");
        var unprotect = await stack.Engine().UpAsync(Defaults);

        Assert.Equal(new ChangeCounts(0, 0, 0, 0, 11), protect.Counts);
        Assert.Equal(new ChangeCounts(0, 0, 0, 0, 11), unprotect.Counts);
        Assert.True(recordedProtected);
        Assert.False(stack.Store.Load().Resources[new Urn(Node0)].Options.Protect);
        Assert.Equal(operations, stack.Cloud.Operations.Count);
    }

    [Fact]
    public async Task AnUpThatWouldReplaceAProtectedResourceIsRefusedAndChangesNothing()
    {
        var stack = new TestStack();
        stack.Options["img-h0"] = new ResourceOptions { Protect = true };
        await stack.Engine().UpAsync(Defaults);
        var operations = stack.Cloud.Operations.Count;
        stack.Image = "trixie";

        var refused = await Assert.ThrowsAsync<PlanRefusedException>(() => stack.Engine().UpAsync(Defaults));

        Assert.Equal(
            $"up refused; nothing was changed:{Environment.NewLine}  {Image0} is protected and up would replace it; set Protect = false in the program and run up",
            refused.Message);
        Assert.Equal(operations, stack.Cloud.Operations.Count);
        Assert.All(stack.Cloud.Objects.Where(o => o.Type == "test:BaseImage"), o => Assert.Equal("bookworm", o.Inputs["image"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UnprotectingAndReplacingHappenInOneUp()
    {
        var stack = new TestStack();
        stack.Options["img-h0"] = new ResourceOptions { Protect = true };
        await stack.Engine().UpAsync(Defaults);
        stack.Image = "trixie";
        stack.Options.Remove("img-h0");

        var result = await stack.Engine().UpAsync(Defaults);

        Assert.True(result.Succeeded);
        Assert.Equal(new ChangeCounts(0, 2, 4, 0, 5), result.Counts);
        Assert.All(stack.Cloud.Objects.Where(o => o.Type == "test:BaseImage"), o => Assert.Equal("trixie", o.Inputs["image"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnUpThatWouldDeleteAProtectedResourceTheProgramDroppedIsRefused()
    {
        var stack = new TestStack();
        stack.Options["node-h1"] = new ResourceOptions { Protect = true };
        await stack.Engine().UpAsync(Defaults);
        stack.Hosts = 1;

        var refused = await Assert.ThrowsAsync<PlanRefusedException>(() => stack.Engine().UpAsync(Defaults));

        Assert.Contains(
            $"{Node1} is protected and the program no longer declares it, so up would delete it; declare it again with Protect = false and run up, then remove it",
            refused.Message);
        Assert.Equal(9, stack.Cloud.Objects.Count);
    }

    [Fact]
    public async Task WithoutProtectTheSameDroppedHostIsDeleted()
    {
        var stack = new TestStack();
        await stack.Engine().UpAsync(Defaults);
        stack.Hosts = 1;

        var result = await stack.Engine().UpAsync(Defaults);

        Assert.Equal(5, result.Counts.Deleted);
        Assert.Equal(5, stack.Cloud.Objects.Count);
    }

    [Fact]
    public async Task APreviewOfARefusedUpShowsThePlanWithItsRefusals()
    {
        var stack = new TestStack();
        stack.Options["img-h0"] = new ResourceOptions { Protect = true };
        await stack.Engine().UpAsync(Defaults);
        stack.Image = "trixie";

        var plan = await stack.Engine().PreviewAsync();

        Assert.Equal(StepKind.Replace, plan.Steps.Single(s => s.Urn.Value == Image0).Kind);
        Assert.Equal([$"{Image0} is protected and up would replace it; set Protect = false in the program and run up"], plan.Refusals);
    }
}
