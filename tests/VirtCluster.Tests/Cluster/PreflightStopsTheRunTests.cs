using VirtCluster.App;
using VirtCluster.Tests.Support;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Cluster;

/// <summary>A host that cannot carry the cluster stops preview and up before anything changes, with every such host named.</summary>
public sealed class PreflightStopsTheRunTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("vc-preflight-").FullName;
    private readonly VirtClusterPackage _package = new();

    public PreflightStopsTheRunTests()
    {
        File.Copy(Path.Combine(TestPaths.RepoRoot, "Pulumi.yaml"), Path.Combine(_project, "Pulumi.yaml"));
        var sim = Path.Combine(TestPaths.RepoRoot, "sim");
        string Host(string name, string facts) =>
            $"    - {{ name: {name}, simulate: {sim}/dell-m610-host.xml, facts: {sim}/facts/{facts} }}\n";
        File.WriteAllText(Path.Combine(_project, "Pulumi.bad.yaml"),
            "config:\n  virtcluster:hosts:\n"
            + Host("agc01", "agc-fw-2.7.80") + Host("agc02", "agc-fw-2.6.00") + Host("agc03", "agc-iommu-off")
            + "  virtcluster:io: passthrough\n  virtcluster:hypervisor: kvm\n  virtcluster:memory: 45GiB\n"
            + "  virtcluster:firmwareMinimum: 2.7.80\n  virtcluster:hca: { vendor: 0x15b3, product: 0x673c }\n");
    }

    public void Dispose()
    {
        _package.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    [Theory]
    [InlineData("preview")]
    [InlineData("up")]
    public async Task WhenOneHostHasOldFirmwareAndAnotherHasNoIommuBothAreNamedAndNothingIsCreated(string verb)
    {
        string[] confirm = verb == "up" ? ["--yes"] : [];
        var (exit, _, error) = await InfraProgram.RunAsync(_package, [verb, .. confirm, "--stack", "bad", "--cwd", _project]);

        Assert.Equal(1, exit);
        Assert.Contains("preflight failed on 2 host(s)", error, StringComparison.Ordinal);
        Assert.Contains("agc02", error, StringComparison.Ordinal);
        Assert.Contains("2.6", error, StringComparison.Ordinal);
        Assert.Contains("agc03", error, StringComparison.Ordinal);
        Assert.Contains("IOMMU", error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("agc01:", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_project, ".virtcluster", "stacks")) && Directory.EnumerateFiles(Path.Combine(_project, ".virtcluster", "stacks"), "*.json").Any());
    }
}
