using System.Text.Json.Nodes;
using System.Xml.Linq;
using VirtCluster.App;
using VirtCluster.Tests.Support;
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
    private readonly VirtClusterPackage _app = new();

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_backend, recursive: true);
    }

    [Fact]
    public async Task UpRefreshDestroyLeavesNothingOnTheSimulatedHosts()
    {
        var up = await Run("up", "--yes");
        Assert.True(up.Exit == 0, up.Err);
        Assert.Contains("97 created", up.Out, StringComparison.Ordinal);

        // Every host's test driver now runs one domain with 8 pinned vCPUs.
        var agc03 = _app.Connections.Get(HostUri, "agc03");
        using (var domain = agc03.LookupDomain("agc16-sim-agc03"))
        {
            Assert.True(domain.IsActive());
            Assert.Equal(8, domain.VcpuPinInfo().Count);

            // Its MAC, and the reservation on agc03's network that gives it the cluster's third address, stay as they
            // were: the first three bytes of SHA-256("agc16-sim/agc16-sim-agc03") are 76 eb 13.
            Assert.Equal("52:54:00:76:eb:13", XDocument.Parse(domain.XmlDesc()).Descendants("mac").Single().Attribute("address")?.Value);
            using var network = agc03.LookupNetwork("agc");
            var reservation = XDocument.Parse(network.XmlDesc()).Descendants("host").Single(h => h.Attribute("name")?.Value == "agc16-sim-agc03");
            Assert.Equal(("52:54:00:76:eb:13", "10.77.0.12"), (reservation.Attribute("mac")?.Value, reservation.Attribute("ip")?.Value));
        }

        var refresh = await Run("refresh", "--preview-only");
        Assert.True(refresh.Exit == 0, refresh.Err);
        Assert.Contains("Drift: 0 changed, 0 deleted", refresh.Out, StringComparison.Ordinal);

        var again = await Run("preview", "--expect-no-changes");
        Assert.True(again.Exit == 0, again.Err);

        var destroy = await Run("destroy", "--yes");
        Assert.True(destroy.Exit == 0, destroy.Err);
        Assert.Contains("97 deleted", destroy.Out, StringComparison.Ordinal);
        Assert.Null(agc03.TryLookupDomain("agc16-sim-agc03"));
        Assert.Null(agc03.TryLookupNetwork("agc"));
        Assert.Null(agc03.TryLookupStoragePool("vc-agc16-sim"));

        var second = await Run("destroy", "--yes");
        Assert.True(second.Exit == 0, second.Err);
    }

    [Fact]
    public async Task StackOutputsListSixteenNodesWithTheirHcaPassedThrough()
    {
        var up = await Run("up", "--yes");
        Assert.True(up.Exit == 0, up.Err);

        var output = await Run("stack", "output", "nodes", "--json");

        var nodes = JsonNode.Parse(output.Out)!.AsArray();
        Assert.Equal(16, nodes.Count);
        Assert.All(nodes, n => Assert.Equal("0000:05:00.0", n!["passthrough"]!.GetValue<string>()));
        Assert.All(nodes, n => Assert.Equal(2, n!["numaCells"]!.GetValue<int>()));
        var destroy = await Run("destroy", "--yes");
        Assert.True(destroy.Exit == 0, destroy.Err);
    }

    private string HostUri => "test://" + Path.Combine(TestPaths.RepoRoot, "sim", "dell-m610-host.xml");

    private async Task<(int Exit, string Out, string Err)> Run(params string[] verb)
    {
        string[] args = [.. verb, "--stack", "agc16-sim", "--cwd", TestPaths.RepoRoot, "--backend", _backend];
        return await InfraProgram.RunAsync(_app, args);
    }
}
