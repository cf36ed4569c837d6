using VirtCluster.Engine.Cli;
using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Tests.Cli;

public sealed class ResourceOptionCliTests
{
    [Fact]
    public async Task PreviewShowsWhyAReplacementIsForced()
    {
        using var cli = new CliHarness();
        cli.Stack.Hosts = 2;
        cli.Stack.Options["node-h0"] = new ResourceOptions { ReplaceOnChanges = ["vcpus"] };
        await cli.RunAsync("up", "--yes", "--stack", "dev", "--parallel", "1");
        cli.Stack.Vcpus = 4;

        var (code, output, error) = await cli.RunAsync("preview", "--stack", "dev", "--replace", "urn:virtcluster:dev::lab::test:Network::net");

        Assert.Equal((ExitCodes.Success, ""), (code, error));
        Assert.Equal(
            """
            Previewing stack dev:
              +- replace         urn:virtcluster:dev::lab::test:Network::net  (--replace)
              +- replace         urn:virtcluster:dev::lab::test:Host$test:Node::node-h0  (replaceOnChanges: vcpus)
                    network: "network-1" => (known after apply) (update)
                    vcpus: 8 => 4 (replace)
              ~  update-restart  urn:virtcluster:dev::lab::test:Host$test:Node::node-h1
                    network: "network-1" => (known after apply) (update)
                    vcpus: 8 => 4 (update-restart)

            Resources: 0 to create, 1 to update, 2 to replace, 0 to delete, 8 unchanged

            """.ReplaceLineEndings(),
            output);
    }

    [Fact]
    public async Task UpReplaceReplacesAndSaysSoInTheSummary()
    {
        using var cli = new CliHarness();
        cli.Stack.Hosts = 1;
        await cli.RunAsync("up", "--yes", "--stack", "dev");
        var before = cli.Stack.Cloud.Objects.Single(o => o.Type == "test:Network").Id;

        var (code, output, _) = await cli.RunAsync("up", "--yes", "--stack", "dev", "--replace", "urn:virtcluster:dev::lab::test:Network::net");
        var (again, _, _) = await cli.RunAsync("preview", "--expect-no-changes", "--stack", "dev");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"(?m)^0 created, 1 updated, 1 replaced, 0 deleted, 4 unchanged in \d+\.\d\d s$", output);
        Assert.NotEqual(before, cli.Stack.Cloud.Objects.Single(o => o.Type == "test:Network").Id);
        Assert.Equal(ExitCodes.Success, again);
    }

    [Fact]
    public async Task AnUnknownReplaceUrnExitsWithTwoAndChangesNothing()
    {
        using var cli = new CliHarness();
        cli.Stack.Hosts = 1;
        await cli.RunAsync("up", "--yes", "--stack", "dev");
        var operations = cli.Stack.Cloud.Operations.Count;

        var (code, _, error) = await cli.RunAsync("up", "--yes", "--stack", "dev", "--replace", "urn:virtcluster:dev::lab::test:Network::nett");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Equal(
            "error: --replace 'urn:virtcluster:dev::lab::test:Network::nett' names no resource of the program or the stack's state; similar: urn:virtcluster:dev::lab::test:Network::net" + Environment.NewLine,
            error);
        Assert.Equal(operations, cli.Stack.Cloud.Operations.Count);
    }

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
