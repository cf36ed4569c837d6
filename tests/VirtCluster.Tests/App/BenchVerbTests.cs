using VirtCluster.App;
using VirtCluster.Engine.Cli;
using VirtCluster.Testing;

namespace VirtCluster.Tests.App;

/// <summary><c>bench</c> is <c>up</c> on the benchmark stage: what it hands to up decides what its console shows.</summary>
public sealed class BenchVerbTests : IDisposable
{
    private readonly string _backend = Directory.CreateTempSubdirectory("vc-bench-verb-").FullName;

    public void Dispose() => Directory.Delete(_backend, recursive: true);

    [Fact]
    public async Task BenchRunsUpOnTheStageWithTheSameVerbosityAndLockOption()
    {
        var plain = await UpArgumentsOf("bench");
        var verbose = await UpArgumentsOf("bench", "-v", "-v", "--force-unlock");

        Assert.Equal(
            ["up", "--yes",
                "--target", "urn:virtcluster:local::virtcluster::virtcluster:index:BenchmarkStage$virtcluster:bench:Stage::bench-run",
                "--replace", "urn:virtcluster:local::virtcluster::virtcluster:index:BenchmarkStage$virtcluster:bench:Stage::bench-run",
                "--stack", "local", "--cwd", TestPaths.RepoRoot, "--backend", _backend],
            plain);
        Assert.Equal([.. plain, "-v", "-v", "--force-unlock"], verbose);
    }

    private async Task<string[]> UpArgumentsOf(params string[] verb)
    {
        string[]? handed = null;
        var host = new EngineHost(_ => { }, _ => []) { Output = new StringWriter(), Error = new StringWriter() };
        host = host with
        {
            Commands = [BenchVerbs.Bench(args =>
            {
                handed = args;
                return Task.FromResult(ExitCodes.Success);
            })],
        };

        var code = await EngineCli.RunAsync([.. verb, "--stack", "local", "--cwd", TestPaths.RepoRoot, "--backend", _backend], host);

        Assert.Equal(ExitCodes.Success, code);
        return handed ?? throw new InvalidOperationException("bench did not run up");
    }
}
