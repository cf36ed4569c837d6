using VirtCluster.Engine.Config;
using VirtCluster.Engine.Secrets;

namespace VirtCluster.Engine.Tests.Config;

public sealed class StackConfigLoaderTests
{
    [Fact]
    public void ValuesKeepTheirStackFileLocationAndDefaultsPointIntoTheManifest()
    {
        using var dir = new TempProject();
        dir.Write("dev", "config:\n  demo:pinning: none\n  demo:hosts:\n    - name: a\n");
        var config = StackConfigLoader.Load(ProjectLoader.Load(dir.Directory), "dev", secrets: null);

        var pinning = Assert.IsType<ConfigScalar>(config.Get("demo:pinning"));
        Assert.Equal("none", pinning.Value);
        Assert.Equal(new SourceLocation("Pulumi.dev.yaml", 2, 17), pinning.Location);
        var hosts = Assert.IsType<ConfigSequence>(config.Get("demo:hosts"));
        var host = Assert.IsType<ConfigMapping>(Assert.Single(hosts.Items));
        Assert.Equal(new SourceLocation("Pulumi.dev.yaml", 4, 13), host["name"]!.Location);
        var nodes = Assert.IsType<ConfigScalar>(config.Get("demo:nodes"));
        Assert.Equal("2", nodes.Value);
        Assert.Equal("Pulumi.yaml", nodes.Location.File);
        Assert.Null(config.Get("demo:label"));
        Assert.Equal(Path.Combine(dir.Directory, "Pulumi.dev.yaml"), config.StackFile);
        Assert.Equal(dir.Directory, config.ProjectDirectory);
    }

    [Theory]
    [InlineData("config:\n  demo:nodes: 3\n  demo:nodes: 4\n", "Pulumi.dev.yaml:3:3", "demo:nodes", "duplicate key")]
    [InlineData("config:\n  demo:hosts:\n    - name: a\n      name: b\n", "Pulumi.dev.yaml:4:7", "name", "duplicate key")]
    [InlineData("config:\n  demo:pinnig: none\n", "Pulumi.dev.yaml:2:3", "demo:pinnig", "did you mean 'demo:pinning'?")]
    [InlineData("config:\n  pinning: none\n", "Pulumi.dev.yaml:2:3", "pinning", "namespaced 'demo:'")]
    [InlineData("config:\n  demo:nodes: [1\n", "Pulumi.dev.yaml:3:1", "", "YAML syntax error")]
    [InlineData("config:\n  demo:nodes: \"3\"\n", "Pulumi.dev.yaml:2:15", "demo:nodes", "expected an integer")]
    [InlineData("config:\n  demo:nodes: 65\n", "Pulumi.dev.yaml:2:15", "demo:nodes", "allowed: 1..64")]
    [InlineData("config:\n  demo:pinning: loose\n", "Pulumi.dev.yaml:2:17", "demo:pinning", "use one of strict, none, numa")]
    [InlineData("config:\n  demo:label: 8\n", "Pulumi.dev.yaml:2:15", "demo:label", "write it in quotes")]
    [InlineData("config:\n  demo:enabled: yes\n", "Pulumi.dev.yaml:2:17", "demo:enabled", "expected a boolean")]
    [InlineData("config:\n  demo:hosts: a\n", "Pulumi.dev.yaml:2:15", "demo:hosts", "expected a list")]
    [InlineData("config:\n  demo:network: [a]\n", "Pulumi.dev.yaml:2:17", "demo:network", "expected a mapping")]
    [InlineData("config:\n  demo:label:\n", "Pulumi.dev.yaml:2:14", "demo:label", "has no value")]
    [InlineData("config:\n  demo:token: hunter2\n", "Pulumi.dev.yaml:2:15", "demo:token", "config set demo:token VALUE --secret")]
    [InlineData("config:\n  demo:token: { secure: v1:AAAA }\n", "Pulumi.dev.yaml:2:25", "demo:token", "no secrets provider")]
    [InlineData("conifg:\n  demo:nodes: 2\n", "Pulumi.dev.yaml:1:1", "conifg", "did you mean 'config'?")]
    [InlineData("- a\n- b\n", "Pulumi.dev.yaml:1:1", "", "expected a mapping")]
    [InlineData("# nothing here\n", "Pulumi.dev.yaml:1:1", "", "the file is empty")]
    [InlineData("config: 3\n", "Pulumi.dev.yaml:1:9", "config", "expected a mapping")]
    [InlineData("config:\n  demo:label: &a x\n", "Pulumi.dev.yaml:2:15", "", "anchors")]
    public void ABadStackFileNamesTheLineColumnAndKey(string text, string location, string key, string message)
    {
        using var dir = new TempProject();
        dir.Write("dev", text);

        var error = Assert.Throws<ConfigException>(() => StackConfigLoader.Load(ProjectLoader.Load(dir.Directory), "dev", secrets: null));

        Assert.StartsWith(location + ":", error.Message);
        Assert.Contains(message, error.Message);
        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void AMissingRequiredKeyIsNamed()
    {
        using var dir = new TempProject(TempProject.Manifest + "\n  demo:site:\n    type: string\n    required: true\n");
        dir.Write("dev", "config:\n  demo:nodes: 2\n");

        var error = Assert.Throws<ConfigException>(() => StackConfigLoader.Load(ProjectLoader.Load(dir.Directory), "dev", secrets: null));

        Assert.StartsWith("Pulumi.dev.yaml:2:3: key 'demo:site': required but not set", error.Message);
    }

    [Fact]
    public void AnUnknownStackListsTheStacksThereAre()
    {
        using var dir = new TempProject();
        dir.Write("dev", "config: {}\n");
        dir.Write("prod", "config: {}\n");
        var project = ProjectLoader.Load(dir.Directory);

        var error = Assert.Throws<ConfigException>(() => StackConfigLoader.Load(project, "prdo", secrets: null));

        Assert.Contains("unknown stack 'prdo'", error.Message);
        Assert.Contains("existing stacks: dev, prod; did you mean 'prod'?", error.Message);
        Assert.Equal(["dev", "prod"], StackConfigLoader.ListStacks(project));
    }

    [Fact]
    public void ASecureValueComesOutDecryptedAsASecret()
    {
        using var dir = new TempProject();
        dir.Write("dev", "config: {}\n");
        var project = ProjectLoader.Load(dir.Directory);
        var secrets = PassphraseSecretsProvider.ForStack(project, "dev", "pass phrase");
        dir.Write("dev", $"encryptionsalt: {secrets.EncryptionSalt}\nconfig:\n  demo:token: {{ secure: {secrets.Encrypt("hunter2")} }}\n");

        var config = StackConfigLoader.Load(project, "dev", PassphraseSecretsProvider.ForStack(project, "dev", "pass phrase"));

        var token = Assert.IsType<ConfigSecret>(config.Get("demo:token"));
        Assert.Equal("hunter2", token.PlainText);
        Assert.Equal(new SourceLocation("Pulumi.dev.yaml", 3, 25), token.Location);
    }
}
