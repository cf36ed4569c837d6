using VirtCluster.Bench.Suites;
using VirtCluster.Config;
using VirtCluster.Engine.Config;
using VirtCluster.Images;
using VirtCluster.Testing;
using VirtCluster.Tests.Config;
using Xunit.Abstractions;

namespace VirtCluster.Tests.Fuzzing;

/// <summary>
/// The stack loader (the real Pulumi.yaml, StackConfigLoader, ClusterSpecLoader), the suite loader and the image spec
/// loader, fed ten
/// thousand seeded mutations of the repository's own files, either load or refuse with a <see cref="ConfigException"/>.
/// </summary>
[Collection(FuzzingCollection.Name)]
public sealed class ConfigFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedStackFilesLoadOrFailWithAConfigException()
    {
        string[] stacks = ["local", "agc16", "agc16-sim"];
        var inputs = stacks.Select(s => File.ReadAllText(Path.Combine(TestPaths.RepoRoot, $"Pulumi.{s}.yaml"))).ToList();
        using var project = new StackFixture("fuzz", inputs[0]);
        var stackFile = Path.Combine(project.Directory, "Pulumi.fuzz.yaml");
        var manifest = ProjectLoader.Load(project.Directory);

        var report = new FuzzRunner("stack", inputs, [typeof(ConfigException)], text =>
        {
            File.WriteAllText(stackFile, text);
            ClusterSpecLoader.FromConfig(StackConfigLoader.Load(manifest, "fuzz", secrets: null));
        }).Run();

        output.WriteLine($"stack files: {report}");
        report.AssertSound();
    }

    [Fact]
    public void MutatedSuitesLoadOrFailWithAConfigException()
    {
        var inputs = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "suites"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

        var report = new FuzzRunner("suite", inputs, [typeof(ConfigException)], text => SuiteLoader.Parse(text, "fuzz.yaml")).Run();

        output.WriteLine($"suites: {report}");
        report.AssertSound();
    }

    [Fact]
    public void MutatedImageSpecsLoadOrFailWithAConfigException()
    {
        // Parsed under the real spec's path, so that the files it copies into the image resolve as they do in use.
        var spec = Path.Combine(TestPaths.RepoRoot, "images", "hpc-node.yaml");

        var report = new FuzzRunner("image", [File.ReadAllText(spec)], [typeof(ConfigException)], text => ImageSpecLoader.Parse(text, spec)).Run();

        output.WriteLine($"image specs: {report}");
        report.AssertSound();
    }
}
