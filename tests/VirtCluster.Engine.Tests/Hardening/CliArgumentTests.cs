using VirtCluster.Engine.Cli;
using VirtCluster.Engine.Tests.Cli;

namespace VirtCluster.Engine.Tests.Hardening;

/// <summary>Bad command lines exit with code 2 and say what was wrong, and nothing is created: no state, no lock.</summary>
public sealed class CliArgumentTests
{
    [Theory]
    [InlineData("Unrecognized command or argument 'upp'", "upp", "--stack", "dev")]
    [InlineData("Unrecognized command or argument '--yess'", "up", "--yess", "--stack", "dev")]
    [InlineData("--parallel must be at least 1", "up", "--yes", "--stack", "dev", "--parallel", "0")]
    [InlineData("--parallel must be at least 1", "up", "--yes", "--stack", "dev", "--parallel", "-3")]
    [InlineData("Cannot parse argument 'many' for option '--parallel'", "up", "--yes", "--stack", "dev", "--parallel", "many")]
    [InlineData("Cannot parse argument '99999999999' for option '--parallel'", "up", "--yes", "--stack", "dev", "--parallel", "99999999999")]
    [InlineData("no stack selected: pass --stack NAME or set VIRTCLUSTER_STACK", "up", "--yes")]
    [InlineData("stack name '../x' is not valid", "up", "--yes", "--stack", "../x")]
    [InlineData("stack name 'a;rm -rf ~' is not valid", "preview", "--stack", "a;rm -rf ~")]
    [InlineData("stack name '$(id)' is not valid", "destroy", "--yes", "--stack", "$(id)")]
    [InlineData("stack name '-x' is not valid", "stack", "output", "--stack=-x")]
    public async Task ABadCommandLineExitsWithTwoNamingTheProblemAndChangesNothing(string message, params string[] args)
    {
        using var cli = new CliHarness();

        var (code, _, error) = await cli.RunAsync(args);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(message, error);
        Assert.False(Directory.Exists(cli.Backend), "a refused command line must not create the state directory");
    }

    [Fact]
    public async Task AnUnknownStackListsTheStacksThatExist()
    {
        using var cli = new CliHarness();

        var (code, _, error) = await cli.RunAsync("preview", "--stack", "prod");

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("unknown stack 'prod'", error);
        Assert.Contains("existing stacks: dev", error);
    }
}
