using VirtCluster.Engine.Config;
using VirtCluster.Tests.Config;

namespace VirtCluster.Tests.Hardening;

/// <summary>
/// Values that would reach a shell, a file path or libvirt XML (host, network, namespace and user names, addresses)
/// are checked against tight patterns when the stack is loaded, so a hostile value stops at its line in the stack file.
/// </summary>
public sealed class HostileValueTests
{
    private const string Host = "config:\n  virtcluster:hosts:\n    - name: NAME\n      simulate: sim/host.xml\n";
    private const string Ssh = "config:\n  virtcluster:hosts:\n    - name: a1\n      uri: qemu+ssh://root@a1/system\n      ssh: { address: a1, user: \"USER\" }\n";
    private const string Lab = "config:\n  virtcluster:lab:\n    namespace: \"NAME\"\n";
    private const string Net = "config:\n  virtcluster:lab: {}\n  virtcluster:network:\n    name: \"NAME\"\n";

    public static TheoryData<string, string, string> Cases => new()
    {
        // file text, the key that must be named, the value that must be refused
        { Host.Replace("NAME", "\"a b\""), "virtcluster:hosts[0].name", "a b" },
        { Host.Replace("NAME", "\"a'b\""), "virtcluster:hosts[0].name", "a'b" },
        { Host.Replace("NAME", "'a\"b'"), "virtcluster:hosts[0].name", "a\"b" },
        { Host.Replace("NAME", "\"$(id)\""), "virtcluster:hosts[0].name", "$(id)" },
        { Host.Replace("NAME", "\"`id`\""), "virtcluster:hosts[0].name", "`id`" },
        { Host.Replace("NAME", "\"../x\""), "virtcluster:hosts[0].name", "../x" },
        { Host.Replace("NAME", "\"<node>\""), "virtcluster:hosts[0].name", "<node>" },
        { Host.Replace("NAME", "\"-oProxyCommand=x\""), "virtcluster:hosts[0].name", "-oProxyCommand=x" },
        { Host.Replace("NAME", new string('a', 64)), "virtcluster:hosts[0].name", new string('a', 64) },
        { Ssh.Replace("USER", "root;reboot"), "virtcluster:hosts[0].ssh.user", "root;reboot" },
        { Ssh.Replace("USER", "$(id)"), "virtcluster:hosts[0].ssh.user", "$(id)" },
        { Ssh.Replace("a1, user", "\"a1 -p 2\", user").Replace("USER", "root"), "virtcluster:hosts[0].ssh.address", "a1 -p 2" },
        { Lab.Replace("NAME", "../x"), "virtcluster:lab.namespace", "../x" },
        { Lab.Replace("NAME", "a;b"), "virtcluster:lab.namespace", "a;b" },
        { Net.Replace("NAME", "a'/>x"), "virtcluster:network.name", "a'/>x" },
        { Net.Replace("NAME", "x/../../etc"), "virtcluster:network.name", "x/../../etc" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void AHostileNameIsRefusedAtItsLineNamingTheKeyAndTheValue(string text, string key, string value)
    {
        using var project = new StackFixture("hostile", text);

        var error = Assert.Throws<ConfigException>(project.Load);

        Assert.Equal(key, error.Key);
        Assert.StartsWith("Pulumi.hostile.yaml:", error.Message);
        Assert.Contains($"'{value}'", error.Message);
    }

    [Fact]
    public void AStackNameThatIsAPathIsRefusedBeforeAnyFileIsOpened()
    {
        using var project = new StackFixture("dev", "config:\n  virtcluster:lab: {}\n");

        var error = Assert.Throws<ConfigException>(() => StackFixture.LoadSpec(project.Directory, "../dev"));

        Assert.Equal("'../dev' is not a valid stack name; use letters, digits, '-', '_' and '.'", error.Message);
    }
}
