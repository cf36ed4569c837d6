using System.Text.Json.Nodes;
using VirtCluster.Engine.Cli;
using VirtCluster.Engine.State;
using VirtCluster.Engine.Tests.Progress;
using VirtCluster.Testing;
using DisplayJson = VirtCluster.Engine.Progress.DisplayJson;

namespace VirtCluster.Engine.Tests.Cli;

public sealed class EngineCliTests
{
    [Theory]
    [InlineData("root")]
    [InlineData("preview")]
    [InlineData("up")]
    [InlineData("destroy")]
    [InlineData("refresh")]
    [InlineData("stack output")]
    [InlineData("config set")]
    [InlineData("config get")]
    public async Task HelpTextOfEveryVerbIsPinned(string verb)
    {
        using var cli = new CliHarness();
        var args = verb == "root" ? ["--help"] : verb.Split(' ').Append("--help").ToArray();

        var (code, output, _) = await cli.RunAsync(args);

        var pinned = Path.Combine(TestPaths.RepoRoot, "tests", "VirtCluster.Engine.Tests", "Cli", "Help", verb.Replace(' ', '-') + ".txt");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(File.ReadAllText(pinned), output);
    }

    [Fact]
    public async Task PreviewPrintsThePlanAsPinnedText()
    {
        using var cli = new CliHarness();
        cli.Stack.Hosts = 1;
        await cli.RunAsync("up", "--yes", "--stack", "dev", "--parallel", "1");
        cli.Stack.Vcpus = 4;
        cli.Stack.Image = "trixie";

        var (code, output, error) = await cli.RunAsync("preview", "--stack", "dev");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", error);
        Assert.Equal(
            """
            Previewing stack dev:
              +- replace         urn:virtcluster:dev::lab::test:Host$test:BaseImage::img-h0
                    image: "bookworm" => "trixie" (replace)
              +- replace         urn:virtcluster:dev::lab::test:Host$test:Overlay::ovl-h0
                    base: "baseimage-3" => (known after apply) (replace)
              ~  update-restart  urn:virtcluster:dev::lab::test:Host$test:Node::node-h0
                    disk: "overlay-4" => (known after apply) (update)
                    vcpus: 8 => 4 (update-restart)

            Resources: 0 to create, 1 to update, 2 to replace, 0 to delete, 3 unchanged

            """.ReplaceLineEndings(),
            output);
    }

    [Fact]
    public async Task PreviewJsonHasEveryResourceWithItsInputsAndSecretsMasked()
    {
        using var cli = new CliHarness();
        cli.Stack.Hosts = 1;
        cli.Stack.Password = "hunter2";

        var (code, output, _) = await cli.RunAsync("preview", "--json", "--stack", "dev");

        Assert.Equal(ExitCodes.Success, code);
        Assert.DoesNotContain("hunter2", output);
        var plan = JsonNode.Parse(output)!;
        Assert.Equal(6, plan["steps"]!.AsArray().Count);
        var node = plan["steps"]!.AsArray().Single(s => s!["urn"]!.GetValue<string>().EndsWith("::node-h0"))!;
        Assert.Equal("create", node["op"]!.GetValue<string>());
        Assert.Equal("[secret]", node["inputs"]!["password"]!.GetValue<string>());
        Assert.Equal(8, node["inputs"]!["vcpus"]!.GetValue<int>());
        Assert.Equal(6, plan["counts"]!["create"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpWithoutYesRefusesWhenStdinIsNotATerminal()
    {
        using var cli = new CliHarness();

        var (code, _, error) = await cli.RunAsync("up", "--stack", "dev");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("pass --yes", error);
        Assert.Empty(cli.Stack.Cloud.Objects);
    }

    [Fact]
    public async Task UpAsksOnATerminalAndDoesNothingWhenDeclined()
    {
        using var cli = new CliHarness { InputIsTerminal = true, Input = "n\n" };

        var (code, output, _) = await cli.RunAsync("up", "--stack", "dev");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Do you want to perform this up? [y/N]", output);
        Assert.Contains("up cancelled; nothing was changed", output);
        Assert.Empty(cli.Stack.Cloud.Objects);
    }

    [Fact]
    public async Task UpPrintsTimestampedProgressAndTheSummaryAndAfterwardsThereIsNothingToChange()
    {
        using var cli = new CliHarness();

        var (code, output, _) = await cli.RunAsync("up", "--yes", "--stack", "dev", "--parallel", "2");
        var (again, _, _) = await cli.RunAsync("preview", "--expect-no-changes", "--stack", "dev");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d\.\d{3} created urn:virtcluster:dev::lab::test:Network::net \(\d+\.\d\d s\)$", output);
        Assert.Matches(@"(?m)^11 created, 0 updated, 0 replaced, 0 deleted, 0 unchanged in \d+\.\d\d s$", output);
        Assert.Equal(ExitCodes.Success, again);
        Assert.True(File.Exists(Path.Combine(cli.Backend, "stacks", "dev.json")));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(cli.Backend, "logs"), "dev-*.clef").Length);
    }

    [Fact]
    public async Task PlainProgressShowsProvidersStatusLinesAlwaysAndTheirDetailOnlyWhenVerbose()
    {
        using var cli = new CliHarness();
        cli.Stack.Hosts = 1;
        cli.Stack.ReportsLines = true;

        var (_, quiet, _) = await cli.RunAsync("up", "--yes", "--stack", "dev");
        cli.Stack.Vcpus = 4;
        var (_, verbose, _) = await cli.RunAsync("up", "--yes", "-v", "--stack", "dev");

        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d\.\d{3} urn:virtcluster:dev::lab::test:Host\$test:Node::node-h0: create node-h0: status$", quiet);
        Assert.DoesNotContain("node-h0: detail", quiet);
        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d\.\d{3} urn:virtcluster:dev::lab::test:Host\$test:Node::node-h0: update node-h0: status$", verbose);
        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d\.\d{3} urn:virtcluster:dev::lab::test:Host\$test:Node::node-h0: update node-h0: detail$", verbose);
    }

    [Fact]
    public async Task ExpectNoChangesFailsWhenSomethingWouldChange()
    {
        using var cli = new CliHarness();

        var (code, _, error) = await cli.RunAsync("preview", "--expect-no-changes", "--stack", "dev");

        Assert.Equal(ExitCodes.OperationFailed, code);
        Assert.Contains("--expect-no-changes", error);
    }

    [Fact]
    public async Task AFailedOperationExitsWithOneAndNamesTheResourceAndCause()
    {
        using var cli = new CliHarness();
        cli.Stack.FailWhen = (op, urn) => op == "create" && urn.Name == "pool-h1";

        var (code, output, error) = await cli.RunAsync("up", "--yes", "--stack", "dev");

        Assert.Equal(ExitCodes.OperationFailed, code);
        Assert.Contains("error: create of urn:virtcluster:dev::lab::test:Host$test:Pool::pool-h1 failed: injected failure", error);
        Assert.Contains(" created, ", output);
    }

    [Fact]
    public async Task ALockedStackExitsWithThreeNamingTheHolder()
    {
        using var cli = new CliHarness();
        using var held = StackLock.Acquire(Path.Combine(cli.Backend, "stacks", "dev.lock"), "dev", forceUnlock: false);

        var (code, _, error) = await cli.RunAsync("up", "--yes", "--stack", "dev");

        Assert.Equal(ExitCodes.StackLocked, code);
        Assert.Contains($"PID {Environment.ProcessId}", error);
    }

    [Fact]
    public async Task ACorruptStateFileExitsWithTwoNamingTheFile()
    {
        using var cli = new CliHarness();
        var state = Path.Combine(cli.Backend, "stacks", "dev.json");
        Directory.CreateDirectory(Path.GetDirectoryName(state)!);
        File.WriteAllText(state, "{\"version\":1,\"resour");

        var (code, _, error) = await cli.RunAsync("preview", "--stack", "dev");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(state, error);
        Assert.Contains("corrupt", error);
        Assert.Equal("{\"version\":1,\"resour", File.ReadAllText(state));
    }

    [Fact]
    public async Task WithoutAStackTheCliSaysHowToChooseOne()
    {
        using var cli = new CliHarness();
        var (code, _, error) = await cli.RunAsync("preview");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("pass --stack NAME or set VIRTCLUSTER_STACK", error);
    }

    [Fact]
    public async Task StackOutputsAreTypedAndSecretsShownOnlyWhenAsked()
    {
        using var cli = new CliHarness();
        cli.Stack.Password = "hunter2";
        await cli.RunAsync("up", "--yes", "--stack", "dev");

        var (_, json, _) = await cli.RunAsync("stack", "output", "--json", "--stack", "dev");
        var (_, text, _) = await cli.RunAsync("stack", "output", "--stack", "dev");
        var (_, one, _) = await cli.RunAsync("stack", "output", "hosts", "--stack", "dev");
        var (_, secret, _) = await cli.RunAsync("stack", "output", "password", "--show-secrets", "--stack", "dev");
        var (missing, _, error) = await cli.RunAsync("stack", "output", "nope", "--stack", "dev");

        var outputs = JsonNode.Parse(json)!;
        Assert.Equal(2, outputs["hosts"]!.GetValue<int>());
        Assert.Equal(2.5, outputs["table"]!["rows"]![1]!.GetValue<double>());
        Assert.Equal("[secret]", outputs["password"]!.GetValue<string>());
        Assert.Contains("password  [secret]", text);
        Assert.Equal("2" + Environment.NewLine, one);
        Assert.Equal("hunter2" + Environment.NewLine, secret);
        Assert.DoesNotContain("hunter2", File.ReadAllText(Path.Combine(cli.Backend, "stacks", "dev.json")));
        Assert.Equal(ExitCodes.UsageError, missing);
        Assert.Contains("no output 'nope'", error);
    }

    [Fact]
    public async Task StackOutputWithoutJsonIsASummaryAndWithJsonEveryValueAsBefore()
    {
        using var cli = new CliHarness();
        cli.Stack.Hosts = 1;
        cli.Stack.Password = "hunter2";
        cli.Stack.MoreOutputs = OutputRendererTests.LocalStack();
        await cli.RunAsync("up", "--yes", "--stack", "dev");

        var (code, text, error) = await cli.RunAsync("stack", "output", "--stack", "dev");
        var (_, tables, _) = await cli.RunAsync("stack", "output", "tables", "--stack", "dev");
        var (_, json, _) = await cli.RunAsync("stack", "output", "--json", "--stack", "dev");
        var (_, tablesJson, _) = await cli.RunAsync("stack", "output", "tables", "--json", "--stack", "dev");

        const string Footer = "\n(summarized: add --json for every value)\n";
        Assert.Equal((ExitCodes.Success, ""), (code, error));
        Assert.Equal(
            ("""
            node0        node-5
            hosts        1
            password     [secret]

            table:
              rows  1, 2.5


            """ + OutputRendererTests.Pinned("local-stack.txt") + Footer).ReplaceLineEndings(),
            text);
        Assert.Equal((OutputRendererTests.Pinned("local-stack.tables.txt") + Footer).ReplaceLineEndings(), tables);

        var expected = new JsonObject { ["node0"] = "node-5", ["hosts"] = 1, ["password"] = "[secret]", ["table"] = new JsonObject { ["rows"] = new JsonArray(1, 2.5) } };
        foreach (var (name, value) in OutputRendererTests.LocalStack())
        {
            expected[name] = value?.DeepClone();
        }

        Assert.Equal(expected.ToJsonString(DisplayJson.Indented) + Environment.NewLine, json);
        Assert.Equal(expected["tables"]!.ToJsonString(DisplayJson.Indented) + Environment.NewLine, tablesJson);
        Assert.Equal(24, JsonNode.Parse(json)!["tables"]!["throughput"]![0]!["points"]!.AsArray().Count);
    }

    [Fact]
    public async Task StackOutputOfAStackNeverStoodUpSaysSoAndExitsWithTwo()
    {
        using var cli = new CliHarness();
        const string Expected = "error: stack 'dev' has no state yet (run 'virtcluster up --stack dev' first)";

        var text = await cli.RunAsync("stack", "output", "--stack", "dev");
        var json = await cli.RunAsync("stack", "output", "--json", "--stack", "dev");
        var one = await cli.RunAsync("stack", "output", "hosts", "--stack", "dev");
        var (typoCode, _, typo) = await cli.RunAsync("stack", "output", "--stack", "dve");
        var created = Directory.Exists(cli.Backend);
        await cli.RunAsync("up", "--yes", "--stack", "dev");
        var (after, afterOut, afterError) = await cli.RunAsync("stack", "output", "--json", "--stack", "dev");

        Assert.Equal((ExitCodes.UsageError, "", Expected + Environment.NewLine), text);
        Assert.Equal((ExitCodes.UsageError, "", Expected + Environment.NewLine), json);
        Assert.Equal((ExitCodes.UsageError, "", Expected + Environment.NewLine), one);
        Assert.Equal(ExitCodes.UsageError, typoCode);
        Assert.StartsWith("error: unknown stack 'dve' (no Pulumi.dve.yaml in ", typo);
        Assert.Contains("existing stacks: dev", typo);
        Assert.False(created, "reading outputs must not create the backend");
        Assert.Equal((ExitCodes.Success, ""), (after, afterError));
        Assert.Equal(2, JsonNode.Parse(afterOut)!["hosts"]!.GetValue<int>());
    }

    [Fact]
    public async Task DestroyTwiceSecondIsANoOp()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("up", "--yes", "--stack", "dev");

        var (first, firstOut, _) = await cli.RunAsync("destroy", "--yes", "--stack", "dev");
        var (second, secondOut, _) = await cli.RunAsync("destroy", "--yes", "--stack", "dev");

        Assert.Equal(ExitCodes.Success, first);
        Assert.Contains("0 created, 0 updated, 0 replaced, 11 deleted, 0 unchanged", firstOut);
        Assert.Equal(ExitCodes.Success, second);
        Assert.Contains("0 created, 0 updated, 0 replaced, 0 deleted, 0 unchanged", secondOut);
        Assert.Empty(cli.Stack.Cloud.Objects);
    }

    [Fact]
    public async Task DestroyAndRefreshWorkFromTheStateWhenTheProgramCannotRun()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("up", "--yes", "--stack", "dev");
        cli.Stack.ProgramFailure = new InvalidOperationException("host agc03: no route to host");

        var (preview, _, previewError) = await cli.RunAsync("preview", "--stack", "dev");
        var (refresh, refreshOut, _) = await cli.RunAsync("refresh", "--preview-only", "--stack", "dev");
        var (destroy, destroyOut, destroyError) = await cli.RunAsync("destroy", "--yes", "--stack", "dev");

        Assert.Equal(ExitCodes.OperationFailed, preview);
        Assert.Contains("no route to host", previewError);
        Assert.Equal(ExitCodes.Success, refresh);
        Assert.Contains("Drift: 0 changed, 0 deleted", refreshOut);
        Assert.True(destroy == ExitCodes.Success, destroyError);
        Assert.Contains("11 deleted", destroyOut);
        Assert.Empty(cli.Stack.Cloud.Objects);
    }

    [Fact]
    public async Task RefreshReportsDriftAndPreviewOnlyRecordsNothing()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("up", "--yes", "--stack", "dev");
        var pool = cli.Stack.Cloud.Objects.Single(o => o.Urn.EndsWith("::pool-h0"));
        cli.Stack.Cloud.Remove(pool.Id, pool.Urn);

        var (code, report, _) = await cli.RunAsync("refresh", "--preview-only", "--stack", "dev");
        var (_, recorded, _) = await cli.RunAsync("refresh", "--yes", "--stack", "dev");
        var (_, after, _) = await cli.RunAsync("refresh", "--yes", "--stack", "dev");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("-  deleted  urn:virtcluster:dev::lab::test:Host$test:Pool::pool-h0", report);
        Assert.Contains("Drift: 0 changed, 1 deleted, 8 unchanged (not recorded)", report);
        Assert.Contains("Drift: 0 changed, 1 deleted, 8 unchanged (recorded)", recorded);
        Assert.Contains("no drift", after);
    }

    [Fact]
    public async Task ConfigSetAndGetRoundTripAndSecretsStayEncryptedInTheStackFile()
    {
        using var cli = new CliHarness();

        var (setCode, _, setError) = await cli.RunAsync("config", "set", "password", "hunter2", "--secret", "--stack", "dev");
        var (_, vcpus, _) = await cli.RunAsync("config", "get", "lab:vcpus", "--stack", "dev");
        var (_, masked, _) = await cli.RunAsync("config", "get", "password", "--stack", "dev");
        var (_, shown, _) = await cli.RunAsync("config", "get", "password", "--show-secrets", "--stack", "dev");

        Assert.Equal((ExitCodes.Success, ""), (setCode, setError));
        Assert.Equal("8" + Environment.NewLine, vcpus);
        Assert.Equal("[secret]" + Environment.NewLine, masked);
        Assert.Equal("hunter2" + Environment.NewLine, shown);
        Assert.DoesNotContain("hunter2", File.ReadAllText(Path.Combine(cli.ProjectDirectory, "Pulumi.dev.yaml")));
    }

    [Fact]
    public async Task RepeatedVerboseFlagsAreAcceptedAndListUnchangedResources()
    {
        using var cli = new CliHarness();
        cli.Stack.Hosts = 1;
        await cli.RunAsync("up", "--yes", "--stack", "dev");

        var (code, output, _) = await cli.RunAsync("preview", "-v", "-v", "--stack", "dev");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("same  urn:virtcluster:dev::lab::test:Host$test:Node::node-h0", output);
        Assert.Contains("0 to create, 0 to update, 0 to replace, 0 to delete, 6 unchanged", output);
    }

    [Fact]
    public async Task OnATerminalUpDrawsATableOfResourcesAndStillPrintsTheSummary()
    {
        using var cli = new CliHarness { OutputIsTerminal = true };
        cli.Stack.Hosts = 1;

        var (code, output, _) = await cli.RunAsync("up", "--yes", "--stack", "dev");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Resource", output);
        Assert.Contains("urn:virtcluster:dev::lab::test:Host$test:Node::node-h0", output);
        Assert.Contains("created", output);
        Assert.Contains("6 created, 0 updated, 0 replaced, 0 deleted, 0 unchanged", output);
    }
}
