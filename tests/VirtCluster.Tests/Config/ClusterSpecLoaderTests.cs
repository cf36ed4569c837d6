using VirtCluster.Config;
using VirtCluster.Engine.Config;

namespace VirtCluster.Tests.Config;

/// <summary>
/// One run parses its stack config once: the program (ClusterSettings.Read) and the provider package
/// (VirtClusterPackage.Providers) are given the same loaded config and get the same spec back.
/// </summary>
public sealed class ClusterSpecLoaderTests : IDisposable
{
    private readonly StackFixture _project = new("dev", "config:\n  virtcluster:lab: { nodes: 1 }\n");

    public void Dispose() => _project.Dispose();

    [Fact]
    public void ALoadedConfigIsParsedOnceWhileAnotherLoadOfTheSameFileIsParsedAgain()
    {
        var config = Load();
        var reloaded = Load();

        var first = ClusterSpecLoader.FromConfig(config);
        var second = ClusterSpecLoader.FromConfig(config);
        var other = ClusterSpecLoader.FromConfig(reloaded);

        Assert.Same(first, second);
        Assert.NotSame(first, other);
        Assert.Equal(("dev", 1), (other.Stack, other.Lab!.Nodes));
        Assert.Equal(("dev", 1), (first.Stack, first.Lab!.Nodes));
    }

    [Fact]
    public void ABackendChosenAfterTheFirstParseIsTheOneTheSpecCarries()
    {
        var config = Load();
        var before = ClusterSpecLoader.FromConfig(config);

        config.Backend = Path.Combine(_project.Directory, "elsewhere");
        var after = ClusterSpecLoader.FromConfig(config);

        Assert.Equal(Path.Combine(_project.Directory, ".virtcluster"), before.Backend);
        Assert.Equal(Path.Combine(_project.Directory, "elsewhere"), after.Backend);
        Assert.Same(after, ClusterSpecLoader.FromConfig(config));
    }

    private StackConfig Load() => StackConfigLoader.Load(ProjectLoader.Load(_project.Directory), "dev", secrets: null);
}
