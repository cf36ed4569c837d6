using VirtCluster.Bench.Suites;
using VirtCluster.Engine.Config;
using VirtCluster.Testing;
using VirtCluster.Tests.Config;

namespace VirtCluster.Tests.Bench.Suites;

/// <summary>
/// A suite names the stack config key that holds each of its programs' paths; the stack loader refuses keys that
/// Pulumi.yaml does not declare, so every such key of the built-in suites must be declared there to be settable.
/// </summary>
public sealed class SuiteConfigKeysTests
{
    private static readonly string[] SuiteFiles =
        [.. Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "suites"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> BuiltInSuites { get; } = [.. SuiteFiles];

    [Fact]
    public void TheBuiltInSuitesAreFound() => Assert.Equal(["debian.yaml", "paper.yaml", "scaling.yaml"], SuiteFiles);

    [Theory]
    [MemberData(nameof(BuiltInSuites))]
    public void EveryBinaryKeyOfTheSuiteIsDeclaredAsAStringThatAStackCanSet(string file)
    {
        var suite = SuiteLoader.Load(Path.Combine(TestPaths.RepoRoot, "suites", file));
        var manifest = ProjectLoader.Load(TestPaths.RepoRoot);
        Assert.NotEmpty(suite.Binaries);
        foreach (var binary in suite.Binaries)
        {
            Assert.True(manifest.Config.TryGetValue(binary.ConfigKey, out var schema), $"suites/{file}: {binary.ConfigKey} is not declared in Pulumi.yaml");
            Assert.Equal(ConfigValueType.String, schema.Type);
            Assert.Contains("suites/" + file, schema.Description, StringComparison.Ordinal);
            Assert.Null(schema.Default);
        }

        using var project = new StackFixture("dev", "config:\n" + string.Concat(suite.Binaries.Select(b => $"  {b.ConfigKey}: /opt/{b.Key}\n")));
        var config = StackConfigLoader.Load(ProjectLoader.Load(project.Directory), "dev", secrets: null);
        Assert.All(suite.Binaries, b => Assert.Equal($"/opt/{b.Key}", Assert.IsType<ConfigScalar>(config.Get(b.ConfigKey)).Value));
    }

    [Fact]
    public void AKeyNoSuiteDeclaredIsRefusedWhileASuitesKeyIsAccepted()
    {
        using var madeUp = new StackFixture("dev", "config:\n  virtcluster:madeUpPath: /opt/made-up\n");
        using var declared = new StackFixture("dev", "config:\n  virtcluster:imbPath: /opt/imb\n");

        var error = Assert.Throws<ConfigException>(() => StackConfigLoader.Load(ProjectLoader.Load(madeUp.Directory), "dev", secrets: null));
        var config = StackConfigLoader.Load(ProjectLoader.Load(declared.Directory), "dev", secrets: null);

        Assert.Contains("key 'virtcluster:madeUpPath': unknown key", error.Message, StringComparison.Ordinal);
        Assert.Equal("/opt/imb", Assert.IsType<ConfigScalar>(config.Get("virtcluster:imbPath")).Value);
    }
}
