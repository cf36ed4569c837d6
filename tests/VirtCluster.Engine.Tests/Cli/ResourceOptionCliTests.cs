using VirtCluster.Engine.Cli;
using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Tests.Cli;

public sealed class ResourceOptionCliTests
{
    [Fact]
    public async Task DestroyOfAProtectedResourceShowsThePlanAndTheFixAndExitsWithTwoWithoutRunningTheProgram()
    {
        using var cli = new CliHarness();
        cli.Stack.Hosts = 1;
        cli.Stack.Options["node-h0"] = new ResourceOptions { Protect = true };
        cli.Stack.Options["pool-h0"] = new ResourceOptions { RetainOnDelete = true };
        await cli.RunAsync("up", "--yes", "--stack", "dev");
        cli.Stack.ProgramFailure = new InvalidOperationException("host h0: no route to host");

        var (code, output, error) = await cli.RunAsync("destroy", "--yes", "--stack", "dev");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Equal(
            """
            Previewing stack dev:
              -  delete  urn:virtcluster:dev::lab::test:Host$test:Node::node-h0  (protected)
              -  delete  urn:virtcluster:dev::lab::test:Network::net
              -  delete  urn:virtcluster:dev::lab::test:Host$test:Overlay::ovl-h0
              -  delete  urn:virtcluster:dev::lab::test:Host$test:BaseImage::img-h0
              -  delete  urn:virtcluster:dev::lab::test:Host$test:Pool::pool-h0  (retainOnDelete: only removed from state)
              -  delete  urn:virtcluster:dev::lab::test:Host::h0

            Resources: 0 to create, 0 to update, 0 to replace, 6 to delete, 0 unchanged

            """.ReplaceLineEndings(),
            output);
        Assert.Equal(
            """
            error: destroy refused; nothing was changed:
              urn:virtcluster:dev::lab::test:Host$test:Node::node-h0 is protected; set Protect = false in the program and run up, then destroy

            """.ReplaceLineEndings(),
            error);
        Assert.Equal(5, cli.Stack.Cloud.Objects.Count);
    }

    [Fact]
    public async Task AfterProtectIsLiftedDestroyDeletesAllButTheRetainedResource()
    {
        using var cli = new CliHarness();
        cli.Stack.Hosts = 1;
        cli.Stack.Options["node-h0"] = new ResourceOptions { Protect = true };
        cli.Stack.Options["pool-h0"] = new ResourceOptions { RetainOnDelete = true };
        await cli.RunAsync("up", "--yes", "--stack", "dev");
        cli.Stack.Options.Remove("node-h0");
        await cli.RunAsync("up", "--yes", "--stack", "dev");

        var (code, output, _) = await cli.RunAsync("destroy", "--yes", "--stack", "dev");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"(?m)^0 created, 0 updated, 0 replaced, 6 deleted, 0 unchanged in \d+\.\d\d s$", output);
        Assert.Equal("test:Pool", Assert.Single(cli.Stack.Cloud.Objects).Type);
    }

    [Fact]
    public async Task PreviewOfAnUpThatWouldReplaceAProtectedResourceShowsItAndExitsWithTwo()
    {
        using var cli = new CliHarness();
        cli.Stack.Hosts = 1;
        cli.Stack.Options["img-h0"] = new ResourceOptions { Protect = true };
        await cli.RunAsync("up", "--yes", "--stack", "dev");
        cli.Stack.Image = "trixie";

        var (code, output, error) = await cli.RunAsync("preview", "--stack", "dev");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("+- replace  urn:virtcluster:dev::lab::test:Host$test:BaseImage::img-h0  (protected)" + Environment.NewLine, output);
        Assert.Equal(
            """
            error: up would be refused:
              urn:virtcluster:dev::lab::test:Host$test:BaseImage::img-h0 is protected and up would replace it; set Protect = false in the program and run up

            """.ReplaceLineEndings(),
            error);
    }
}
