using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.Deployment;

public sealed class DeleteBeforeReplaceOptionTests
{
    /// <summary>
    /// Objects have fixed names, so a replacement created first would find and adopt the old object: every
    /// replacement deletes first, whatever the flag says.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EveryReplacementDeletesTheOldObjectBeforeCreatingTheNewOne(bool deleteBeforeReplace)
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { DeleteBeforeReplace = deleteBeforeReplace } };
        await stack.Engine().UpAsync(new DeploymentOptions());
        stack.Inputs["host"] = "h1";

        var result = await stack.Engine().UpAsync(new DeploymentOptions());

        Assert.Equal(new ChangeCounts(0, 0, 1, 0, 0), result.Counts);
        Assert.Equal(["create " + SingleResourceStack.Urn, "delete " + SingleResourceStack.Urn, "create " + SingleResourceStack.Urn], stack.Cloud.Operations);
        Assert.Equal("h1", stack.Object!.Inputs["host"]!.GetValue<string>());
        Assert.Single(stack.Cloud.Objects);
    }
}
