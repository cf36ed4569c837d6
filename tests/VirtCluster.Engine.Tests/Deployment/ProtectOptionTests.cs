using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.Deployment;

public sealed class ProtectOptionTests
{
    private const string Node0 = "urn:virtcluster:dev::lab::test:Host$test:Node::node-h0";

    private static readonly DeploymentOptions Defaults = new();

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
}
