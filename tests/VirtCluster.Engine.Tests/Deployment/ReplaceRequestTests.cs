using VirtCluster.Engine.Config;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.Deployment;

/// <summary><c>up --replace URN</c>: replace a resource although nothing about it changed.</summary>
public sealed class ReplaceRequestTests
{
    private const string Pool0 = "urn:virtcluster:dev::lab::test:Host$test:Pool::pool-h0";

    private static readonly DeploymentOptions Defaults = new();

    [Fact]
    public async Task AReplaceRequestIsPlannedAsAReplaceWithItsReason()
    {
        var stack = new SingleResourceStack();
        await stack.Engine().UpAsync(Defaults);

        var plan = await stack.Engine().PreviewAsync(Defaults with { Replace = [SingleResourceStack.Urn] });
        var control = await stack.Engine().PreviewAsync(Defaults);

        var step = Assert.Single(plan.Steps);
        Assert.Equal((StepKind.Replace, "--replace"), (step.Kind, step.Reason));
        Assert.Empty(step.Diffs);
        Assert.False(control.HasChanges);
        Assert.Equal(["create " + SingleResourceStack.Urn], stack.Cloud.Operations);
    }

    [Fact]
    public async Task UpReplacesTheUnchangedResource()
    {
        var stack = new SingleResourceStack();
        await stack.Engine().UpAsync(Defaults);
        var before = stack.Object!.Id;

        var result = await stack.Engine().UpAsync(Defaults with { Replace = [SingleResourceStack.Urn] });

        Assert.Equal(new ChangeCounts(0, 0, 1, 0, 0), result.Counts);
        Assert.Equal(["create " + SingleResourceStack.Urn, "delete " + SingleResourceStack.Urn, "create " + SingleResourceStack.Urn], stack.Cloud.Operations);
        Assert.NotEqual(before, stack.Object!.Id);
        Assert.Equal(stack.Object.Id, stack.Recorded!.Id);
    }

    [Fact]
    public async Task DependentsFollowTheReplacementThroughTheirInputs()
    {
        var stack = new TestStack { Hosts = 1 };
        await stack.Engine().UpAsync(Defaults);

        var result = await stack.Engine().UpAsync(Defaults with { Replace = [new Urn(Pool0)] });

        Assert.Equal(new ChangeCounts(0, 1, 3, 0, 2), result.Counts);
        Assert.False((await stack.Engine().PreviewAsync()).HasChanges);
    }

    [Fact]
    public async Task WithTargetsTheReplacedResourceIsATargetToo()
    {
        var stack = new TestStack { Hosts = 1 };
        await stack.Engine().UpAsync(Defaults);
        var net = new Urn("urn:virtcluster:dev::lab::test:Network::net");

        var result = await stack.Engine().UpAsync(Defaults with { Targets = [net], Replace = [new Urn(Pool0)] });

        Assert.Equal(new ChangeCounts(0, 1, 3, 0, 2), result.Counts);
    }

    [Fact]
    public async Task AProtectedResourceIsNotReplacedOnRequest()
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { Protect = true } };
        await stack.Engine().UpAsync(Defaults);

        var refused = await Assert.ThrowsAsync<PlanRefusedException>(() => stack.Engine().UpAsync(Defaults with { Replace = [SingleResourceStack.Urn] }));

        Assert.Contains($"{SingleResourceStack.Urn} is protected and up would replace it", refused.Message);
        Assert.Equal(["create " + SingleResourceStack.Urn], stack.Cloud.Operations);
    }

    [Fact]
    public async Task AnUnknownUrnIsAUsageErrorListingSimilarOnes()
    {
        var stack = new TestStack();
        await stack.Engine().UpAsync(Defaults);

        var error = await Assert.ThrowsAsync<ConfigException>(() =>
            stack.Engine().UpAsync(Defaults with { Replace = [new Urn("urn:virtcluster:dev::lab::test:Host$test:Node::node-h9")] }));

        Assert.Equal(
            "--replace 'urn:virtcluster:dev::lab::test:Host$test:Node::node-h9' names no resource of the program or the stack's state; "
            + "similar: urn:virtcluster:dev::lab::test:Host$test:Node::node-h0, urn:virtcluster:dev::lab::test:Host$test:Node::node-h1",
            error.Message);
    }

    [Fact]
    public async Task AnUnknownUrnLikeNoneSaysWhereToFindTheUrns()
    {
        var stack = new TestStack();

        var error = await Assert.ThrowsAsync<ConfigException>(() => stack.Engine().PreviewAsync(Defaults with { Replace = [new Urn("db")] }));

        Assert.Equal("--replace 'db' names no resource of the program or the stack's state; preview -v lists every resource", error.Message);
    }
}
