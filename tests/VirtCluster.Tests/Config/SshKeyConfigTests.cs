using VirtCluster.Config;
using VirtCluster.Engine.Config;
using VirtCluster.Remote;

namespace VirtCluster.Tests.Config;

/// <summary><c>virtcluster:sshKey</c>: the user's key for reaching lab nodes, read from the decrypted stack config.</summary>
public sealed class SshKeyConfigTests
{
    private static ClusterSpec Load(string sshKey)
    {
        using var project = new StackFixture("dev", "config:\n  virtcluster:lab: { nodes: 1 }\n");
        var loaded = StackConfigLoader.Load(ProjectLoader.Load(project.Directory), "dev", secrets: null);
        var values = loaded.Keys.ToDictionary(k => k, k => loaded.Get(k)!);
        values[ConfigKeys.SshKey] = new ConfigSecret(sshKey, new SourceLocation(loaded.StackFile, 3, 20));
        return ClusterSpecLoader.FromConfig(new StackConfig(loaded.Project, loaded.Stack, loaded.StackFile, values));
    }

    [Fact]
    public void AnOpenSshPrivateKeyIsKeptAsASecretThatNeverPrints()
    {
        var key = SshKeyPair.Generate("user").PrivateKey;

        var spec = Load(key);

        Assert.Equal(key, spec.SshPrivateKey!.PlainText);
        var body = key.Split('\n')[2];
        Assert.DoesNotContain(body, spec.ToString());
        Assert.Contains("[secret]", spec.ToString());
    }

    [Fact]
    public void SomethingElseIsRefusedAtItsLineWithHowToSetIt()
    {
        var error = Assert.Throws<ConfigException>(() => Load("/home/me/.ssh/id_ed25519"));

        Assert.Contains("Pulumi.dev.yaml:3:20", error.Message);
        Assert.Contains("virtcluster:sshKey", error.Message);
        Assert.Contains("config set virtcluster:sshKey \"$(cat KEYFILE)\" --secret", error.Message);
        Assert.DoesNotContain("/home/me/.ssh/id_ed25519", error.Message);
    }
}
