using VirtCluster.Engine.Config;
using VirtCluster.Engine.Tests.Config;

namespace VirtCluster.Engine.Tests.Hardening;

/// <summary>A stack file cut off or garbled anywhere is a YAML syntax error with file and line, never a crash.</summary>
public sealed class StackFileSyntaxTests
{
    [Theory]
    [InlineData("config:\n  demo:nodes: [8\n  demo:label: x\n")]
    [InlineData("config:\n  demo:nodes: {a: [8\n")]
    [InlineData("config:\n  demo:nodes: 8\n  \"demo:lab")]
    [InlineData("config:\n\t demo:nodes: 8\n")]
    [InlineData("\0\u0001\u0002")]
    public void AGarbledStackFileIsAConfigErrorNamingTheFile(string text)
    {
        using var project = new TempProject();
        File.WriteAllText(Path.Combine(project.Directory, "Pulumi.dev.yaml"), text);

        var error = Record.Exception(() => StackConfigLoader.Load(ProjectLoader.Load(project.Directory), "dev", secrets: null));

        Assert.IsType<ConfigException>(error);
        Assert.StartsWith("Pulumi.dev.yaml:", error.Message);
    }
}
