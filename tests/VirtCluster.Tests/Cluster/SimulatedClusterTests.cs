using System.Text.Json.Nodes;
using VirtCluster.App;
using VirtCluster.Engine.Cli;
using VirtCluster.Engine.Model;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Cluster;

/// <summary>
/// The paper's 16-host AGC cluster served by libvirt's test driver, driven through the real command line in one
/// process (the test driver keeps its objects only as long as the process's connection).
/// </summary>
public sealed class SimulatedClusterTests : IDisposable
{
    private readonly string _backend = Directory.CreateTempSubdirectory("vc-sim-").FullName;
    private readonly VirtClusterApp _app = new();

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_backend, recursive: true);
    }

    [Fact]
    public async Task UpRefreshDestroyLeavesNothingOnTheSimulatedHosts()
    {
        var up = await Run("up", "--yes");
        Assert.Equal(0, up.Exit);
        Assert.Contains("97 created", up.Out, StringComparison.Ordinal);

        // Every host's test driver now runs one domain with 8 pinned vCPUs.
        var agc03 = _app.Connections.Get(HostUri);
        using (var domain = agc03.LookupDomain("agc16-sim-agc03"))
        {
            Assert.True(domain.IsActive());
            Assert.Equal(8, domain.VcpuPinInfo().Count);
        }

        var refresh = await Run("refresh", "--preview-only");
        Assert.Equal(0, refresh.Exit);
        Assert.Contains("Drift: 0 changed, 0 deleted", refresh.Out, StringComparison.Ordinal);

        var again = await Run("preview", "--expect-no-changes");
        Assert.Equal(0, again.Exit);

        var destroy = await Run("destroy", "--yes");
        Assert.Equal(0, destroy.Exit);
        Assert.Contains("97 deleted", destroy.Out, StringComparison.Ordinal);
        Assert.Null(agc03.TryLookupDomain("agc16-sim-agc03"));
        Assert.Null(agc03.TryLookupNetwork("agc"));
        Assert.Null(agc03.TryLookupStoragePool("vc-agc16-sim"));

        var second = await Run("destroy", "--yes");
        Assert.Equal(0, second.Exit);
    }

    [Fact]
    public async Task StackOutputsListSixteenNodesWithTheirHcaPassedThrough()
    {
        Assert.Equal(0, (await Run("up", "--yes")).Exit);

        var output = await Run("stack", "output", "nodes", "--json");

        var nodes = JsonNode.Parse(output.Out)!.AsArray();
        Assert.Equal(16, nodes.Count);
        Assert.All(nodes, n => Assert.Equal("0000:05:00.0", n!["passthrough"]!.GetValue<string>()));
        Assert.All(nodes, n => Assert.Equal(2, n!["numaCells"]!.GetValue<int>()));
        Assert.Equal(0, (await Run("destroy", "--yes")).Exit);
    }

    private string HostUri => "test://" + Path.Combine(TestPaths.RepoRoot, "sim", "dell-m610-host.xml");

    private async Task<(int Exit, string Out, string Err)> Run(params string[] verb)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var template = new EngineHost(_ => { }, _ => []) { Output = stdout, Error = stderr, InputIsTerminal = false, OutputIsTerminal = false };
        string[] args = [.. verb, "--stack", "agc16-sim", "--cwd", TestPaths.RepoRoot, "--backend", _backend];
        var exit = await _app.RunAsync(args, Program, template);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private void Program(StackBuilder stack) => _app.DeclareCluster(stack, VirtClusterApp.Spec(stack));
}
