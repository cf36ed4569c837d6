using System.Text.Json.Nodes;
using VirtCluster.App;
using VirtCluster.Testing;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Cluster;

/// <summary>
/// The paper's 16 hosts as the program plans them: every node with the HCA passed through, 8 vCPUs pinned 1:1 across
/// both sockets, the emulator pinned, two guest NUMA cells bound to the host's, 45 GiB. The first node's domain XML is
/// pinned as a file, written before the program moved onto the SDK, so any change to placement shows up here.
/// </summary>
public sealed class PaperClusterPlanTests : IDisposable
{
    private readonly string _backend = Directory.CreateTempSubdirectory("vc-plan-").FullName;
    private readonly VirtClusterPackage _package = new();

    public void Dispose()
    {
        _package.Dispose();
        Directory.Delete(_backend, recursive: true);
    }

    [Fact]
    public async Task PreviewOfTheSimulatedPaperClusterPlansSixteenNodesWithThePinnedPlacement()
    {
        var (exit, output, error) = await InfraProgram.RunAsync(_package, "preview", "--json", "--stack", "agc16-sim", "--cwd", TestPaths.RepoRoot, "--backend", _backend);

        Assert.True(exit == 0, error);
        var nodes = JsonNode.Parse(output)!["steps"]!.AsArray()
            .Where(s => s!["type"]!.GetValue<string>() == "virtcluster:libvirt:Node")
            .ToDictionary(s => s!["urn"]!.GetValue<string>().Split("::")[^1], s => s!["inputs"]!["xml"]!.GetValue<string>());
        Assert.Equal(16, nodes.Count);
        var pinned = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "VirtCluster.Tests", "Cluster", "Pinned", "agc16-sim-agc01.xml"));
        Assert.Equal(pinned.TrimEnd(), nodes["agc16-sim-agc01"]);
        Assert.All(nodes, node =>
        {
            Assert.Contains("<memory unit=\"KiB\">47185920</memory>", node.Value, StringComparison.Ordinal);
            Assert.Contains("<vcpupin vcpu=\"7\" cpuset=\"7\" />", node.Value, StringComparison.Ordinal);
            Assert.Contains("<address domain=\"0x0000\" bus=\"0x05\" slot=\"0x00\" function=\"0x0\" />", node.Value, StringComparison.Ordinal);
        });
        Assert.False(Directory.Exists(Path.Combine(_backend, "stacks")) && Directory.EnumerateFiles(Path.Combine(_backend, "stacks"), "*.json").Any(), "preview recorded state");
    }
}
