using VirtCluster.Engine.Config;
using VirtCluster.Testing;

namespace VirtCluster.Engine.Tests.Config;

public sealed class ProjectLoaderTests
{
    [Fact]
    public void ManifestGivesNameRuntimeMainAndTheSchemaInFileOrder()
    {
        using var dir = new TempProject();
        var project = ProjectLoader.Load(dir.Directory);

        Assert.Equal("demo", project.Name);
        Assert.Equal("dotnet", project.Runtime);
        Assert.Equal("infra/", project.Main);
        Assert.Equal(["demo:nodes", "demo:pinning", "demo:label", "demo:enabled", "demo:hosts", "demo:network", "demo:token"], project.Config.Keys);
        var nodes = project.Config["demo:nodes"];
        Assert.Equal(ConfigValueType.Integer, nodes.Type);
        Assert.Equal(1m, nodes.Minimum);
        Assert.Equal(64m, nodes.Maximum);
        Assert.Equal(new SourceLocation("Pulumi.yaml", 10, 14), nodes.Default!.Location);
        Assert.Equal(["strict", "none", "numa"], project.Config["demo:pinning"].Enum);
        Assert.True(project.Config["demo:token"].Secret);
    }

    [Fact]
    public void TheRepositoryManifestLoads()
    {
        var project = ProjectLoader.Load(TestPaths.RepoRoot);

        Assert.Equal("virtcluster", project.Name);
        Assert.Contains("virtcluster:pinning", project.Config.Keys);
        Assert.True(project.Config["virtcluster:sshKey"].Secret);
    }

    [Theory]
    [InlineData("name: demo\nruntime: dotnet\nname: other\n", "Pulumi.yaml:3:1", "duplicate key")]
    [InlineData("name: demo\nruntime: python\n", "Pulumi.yaml:2:10", "the only runtime is dotnet")]
    [InlineData("name: demo\nruntime: dotnet\nmian: infra/\n", "Pulumi.yaml:3:1", "did you mean 'main'?")]
    [InlineData("name: demo\nruntime: dotnet\nconfig:\n  demo:a:\n    type: integer\n    descripton: x\n", "Pulumi.yaml:6:5", "did you mean 'description'?")]
    [InlineData("name: demo\nruntime: dotnet\nconfig:\n  demo:a:\n    type: intger\n", "Pulumi.yaml:5:11", "did you mean 'integer'?")]
    [InlineData("name: demo\nruntime: dotnet\nconfig:\n  demo:a:\n    type: integer\n    default: many\n", "Pulumi.yaml:6:14", "expected an integer")]
    [InlineData("name: demo\nruntime: dotnet\nconfig:\n  other:a:\n    type: integer\n", "Pulumi.yaml:4:3", "'demo:name'")]
    [InlineData("name: demo\nruntime: dotnet\nconfig:\n  demo:a:\n    type: integer\n    enum: [a]\n", "Pulumi.yaml:6:11", "only string keys can have an enum")]
    [InlineData("name: demo\nruntime: dotnet\nconfig:\n  demo:a:\n    type: string\n    secret: true\n    default: x\n", "Pulumi.yaml:7:14", "cannot have a default")]
    [InlineData("name: demo\nruntime: [dotnet\n", "Pulumi.yaml:3:1", "YAML syntax error")]
    public void ABadManifestNamesTheLineAndColumn(string manifest, string location, string message)
    {
        using var dir = new TempProject(manifest);

        var error = Assert.Throws<ConfigException>(() => ProjectLoader.Load(dir.Directory));

        Assert.StartsWith(location + ":", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void AMissingManifestSaysWhereItWasLookedFor()
    {
        var dir = Directory.CreateTempSubdirectory("vc-config-");
        try
        {
            var error = Assert.Throws<ConfigException>(() => ProjectLoader.Load(dir.FullName));

            Assert.Contains("Pulumi.yaml not found", error.Message);
        }
        finally
        {
            dir.Delete();
        }
    }
}
