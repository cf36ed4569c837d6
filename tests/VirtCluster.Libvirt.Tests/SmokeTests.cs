namespace VirtCluster.Libvirt.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void RepositoryRootHoldsTheSolution() =>
        Assert.True(File.Exists(Path.Combine(VirtCluster.Testing.TestPaths.RepoRoot, "VirtCluster.sln")));
}
