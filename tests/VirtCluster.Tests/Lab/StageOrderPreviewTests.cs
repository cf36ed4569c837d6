using System.Runtime.Versioning;
using VirtCluster.App;
using VirtCluster.Testing;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Lab;

/// <summary>
/// Preview says where the benchmark stage runs, in order, before anything is created: the VMs first, then bare metal
/// with the VMs still running; or that there is no bare-metal baseline.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class StageOrderPreviewTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vc-stage-order-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task PreviewOfTwoSimulatedHostsShowsTheVmsFirstThenBareMetalOnTheHosts()
    {
        var preview = await PreviewAsync("bareMetal: [sim01, sim02]");

        Assert.True(preview.Exit == 0, preview.Out + preview.Err);
        Assert.Contains(
            "  urn:virtcluster:dev::virtcluster::virtcluster:index:BenchmarkStage::bench:\n"
            + "    info: the suite runs in the VMs (dev-sim01, dev-sim02) first, then on bare metal (sim01, sim02) with the VMs still running: with io: virtio no VM holds a host's HCA\n",
            preview.Out.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewWithoutBareMetalSaysThereIsNoBaseline()
    {
        var preview = await PreviewAsync("bareMetal: []");

        Assert.True(preview.Exit == 0, preview.Out + preview.Err);
        Assert.Contains(
            "info: the suite runs in the VMs (dev-sim01, dev-sim02) only: bench.bareMetal is empty, so there is no bare-metal baseline to compare with",
            preview.Out,
            StringComparison.Ordinal);
        Assert.DoesNotContain("then on bare metal", preview.Out, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Out, string Err)> PreviewAsync(string bareMetal)
    {
        var project = Path.Combine(_folder, "project");
        Directory.CreateDirectory(project);
        File.Copy(Path.Combine(TestPaths.RepoRoot, "Pulumi.yaml"), Path.Combine(project, "Pulumi.yaml"), overwrite: true);
        File.WriteAllText(Path.Combine(project, "Pulumi.dev.yaml"), $"""
            config:
              virtcluster:lab: {"{"} hosts: 2, nodesPerHost: 1, namespace: vc-order {"}"}
              virtcluster:io: virtio
              virtcluster:image: {TestPaths.RepoRoot}/images/hpc-node.yaml
              virtcluster:bench:
                enabled: true
                suite: {TestPaths.RepoRoot}/suites/debian.yaml
                {bareMetal}
            """);
        using var package = new VirtClusterPackage();
        return await InfraProgram.RunAsync(package, "preview", "--stack", "dev", "--cwd", project, "--backend", Path.Combine(_folder, "backend"));
    }
}
