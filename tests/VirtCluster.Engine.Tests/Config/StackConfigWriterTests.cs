using VirtCluster.Engine.Config;
using VirtCluster.Engine.Secrets;

namespace VirtCluster.Engine.Tests.Config;

public sealed class StackConfigWriterTests
{
    [Fact]
    public void ReplacingAValueKeepsCommentsAndEverythingElse()
    {
        using var dir = new TempProject();
        dir.Write("dev", "# the dev stack\nconfig:\n  demo:nodes: 2   # two for now\n  # pinning next\n  demo:pinning: strict\n");

        StackConfigWriter.Set(ProjectLoader.Load(dir.Directory), "dev", "demo:nodes", "4", secret: false);

        Assert.Equal("# the dev stack\nconfig:\n  demo:nodes: 4   # two for now\n  # pinning next\n  demo:pinning: strict\n", dir.Read("dev"));
    }

    [Fact]
    public void ANewKeyIsAddedAfterTheLastOneWithTheSameIndentation()
    {
        using var dir = new TempProject();
        dir.Write("dev", "config:\n    demo:nodes: 2\n    demo:hosts:\n      - a\n      - b\n# end\n");

        StackConfigWriter.Set(ProjectLoader.Load(dir.Directory), "dev", "pinning", "numa", secret: false);

        Assert.Equal("config:\n    demo:nodes: 2\n    demo:hosts:\n      - a\n      - b\n    demo:pinning: numa\n# end\n", dir.Read("dev"));
    }

    [Theory]
    [InlineData("# empty\n", "# empty\nconfig:\n  demo:label: \"8\"\n")]
    [InlineData("config: {}\n", "config: {demo:label: \"8\"}\n")]
    [InlineData("config: { demo:nodes: 2 }\n", "config: { demo:nodes: 2, demo:label: \"8\" }\n")]
    [InlineData("config:\n", "config:\n  demo:label: \"8\"\n")]
    [InlineData("config:\n  demo:label: old", "config:\n  demo:label: \"8\"")]
    public void AStringThatWouldReadAsANumberIsQuotedWhereverItGoes(string before, string after)
    {
        using var dir = new TempProject();
        dir.Write("dev", before);
        var project = ProjectLoader.Load(dir.Directory);

        StackConfigWriter.Set(project, "dev", "demo:label", "8", secret: false);

        Assert.Equal(after, dir.Read("dev"));
        Assert.Equal("8", Assert.IsType<ConfigScalar>(StackConfigLoader.Load(project, "dev", null).Get("demo:label")).Value);
    }

    [Theory]
    [InlineData("demo:pinnig", "strict", "did you mean 'demo:pinning'?")]
    [InlineData("demo:nodes", "many", "expected an integer")]
    [InlineData("demo:nodes", "100", "allowed: 1..64")]
    [InlineData("demo:pinning", "loose", "use one of strict, none, numa")]
    [InlineData("demo:hosts", "a", "edit Pulumi.dev.yaml")]
    [InlineData("demo:token", "x", "add --secret")]
    public void AnInvalidSetLeavesTheFileAlone(string key, string value, string message)
    {
        using var dir = new TempProject();
        dir.Write("dev", "config:\n  demo:nodes: 2\n");

        var error = Assert.Throws<ConfigException>(() => StackConfigWriter.Set(ProjectLoader.Load(dir.Directory), "dev", key, value, secret: false));

        Assert.Contains(message, error.Message);
        Assert.Equal("config:\n  demo:nodes: 2\n", dir.Read("dev"));
    }

    [Fact]
    public void ASecretIsWrittenEncryptedWithTheSaltCreatedOnce()
    {
        using var dir = new TempProject();
        dir.Write("dev", "config:\n  demo:nodes: 2\n");
        var project = ProjectLoader.Load(dir.Directory);

        StackConfigWriter.Set(project, "dev", "demo:token", "hunter2", secret: true, PassphraseSecretsProvider.ForStack(project, "dev", "pw"));
        var saltLine = dir.Read("dev").Split('\n')[0];
        StackConfigWriter.Set(project, "dev", "demo:label", "also secret", secret: true, PassphraseSecretsProvider.ForStack(project, "dev", "pw"));

        var text = dir.Read("dev");
        Assert.StartsWith("encryptionsalt: v1:", saltLine);
        Assert.Equal(saltLine, text.Split('\n')[0]);
        Assert.Single(text.Split('\n'), l => l.StartsWith("encryptionsalt:", StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2", text);
        Assert.Contains("  demo:token: { secure: v1:", text);
        var config = StackConfigLoader.Load(project, "dev", PassphraseSecretsProvider.ForStack(project, "dev", "pw"));
        Assert.Equal("hunter2", Assert.IsType<ConfigSecret>(config.Get("demo:token")).PlainText);
        Assert.Equal("also secret", Assert.IsType<ConfigSecret>(config.Get("demo:label")).PlainText);
    }

    [Fact]
    public void ASecretWrittenInBlockStyleIsReplacedWhole()
    {
        using var dir = new TempProject();
        var project = ProjectLoader.Load(dir.Directory);
        dir.Write("dev", "config:\n  demo:token:\n    secure: v1:AAAA\n  demo:nodes: 2 # keep\n");
        var secrets = PassphraseSecretsProvider.ForStack(project, "dev", "pw");

        StackConfigWriter.Set(project, "dev", "token", "new", secret: true, secrets);

        var lines = dir.Read("dev").Split('\n');
        Assert.StartsWith("encryptionsalt: v1:", lines[0]);
        Assert.Equal("config:", lines[1]);
        Assert.StartsWith("  demo:token: { secure: v1:", lines[2]);
        Assert.Equal(["  demo:nodes: 2 # keep", string.Empty], lines[3..]);
        var token = StackConfigLoader.Load(project, "dev", PassphraseSecretsProvider.ForStack(project, "dev", "pw")).Get("demo:token");
        Assert.Equal("new", Assert.IsType<ConfigSecret>(token).PlainText);
    }

    [Fact]
    public void ASecretCannotBeSetWithoutThePassphrase()
    {
        using var dir = new TempProject();
        dir.Write("dev", "config: {}\n");
        var project = ProjectLoader.Load(dir.Directory);

        var error = Assert.Throws<ConfigException>(() =>
            StackConfigWriter.Set(project, "dev", "demo:token", "x", secret: true, PassphraseSecretsProvider.ForStack(project, "dev", passphrase: null)));

        Assert.Contains("VIRTCLUSTER_CONFIG_PASSPHRASE is not set", error.Message);
        Assert.Equal("config: {}\n", dir.Read("dev"));
    }
}
