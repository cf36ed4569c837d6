using System.Net;
using System.Text;
using VirtCluster.Images;

namespace VirtCluster.Tests.Images;

public sealed class KernelCommandLineTests
{
    private const string StackKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKo2a6UJt0mN2Gq3Ue0bPzQhJ2T5bsT2ZpL6oJp7Vh0m stack";

    private static NodeBootIdentity Node(string name = "n1", params string[] keys) => new(
        name, IPAddress.Parse("10.77.0.11"), 24, IPAddress.Parse("10.77.0.1"), keys.Length == 0 ? [StackKey] : keys,
        new Dictionary<string, IPAddress> { ["n1"] = IPAddress.Parse("10.77.0.11"), ["n2"] = IPAddress.Parse("10.77.0.12") });

    [Fact]
    public void TheLineCarriesTheImageArgumentsThenHostnameAddressKeysAndPeers()
    {
        var line = KernelCommandLine.For(["root=/dev/vda", "rw", "console=ttyS0"], Node());

        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(StackKey));
        Assert.Equal(
            "root=/dev/vda rw console=ttyS0 net.ifnames=0 systemd.hostname=n1 ip=10.77.0.11::10.77.0.1:255.255.255.0:n1:eth0:off "
            + $"virtcluster.ssh_authorized_key={encoded} virtcluster.host=n1,10.77.0.11 virtcluster.host=n2,10.77.0.12",
            line);
    }

    [Fact]
    public void TheKeyIsBase64SoItsSpacesDoNotSplitTheArgument()
    {
        var line = KernelCommandLine.For(["console=ttyS0"], Node());

        var argument = line.Split(' ').Single(a => a.StartsWith("virtcluster.ssh_authorized_key=", StringComparison.Ordinal));
        Assert.Equal(StackKey, Encoding.UTF8.GetString(Convert.FromBase64String(argument.Split('=', 2)[1])));
    }

    [Fact]
    public void ALineLongerThanLinuxAcceptsIsRefused()
    {
        var keys = Enumerable.Repeat(StackKey, 40).ToArray();

        var error = Assert.Throws<InvalidOperationException>(() => KernelCommandLine.For(["console=ttyS0"], Node("n1", keys)));

        Assert.Contains("'n1'", error.Message);
        Assert.Contains("2047", error.Message);
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("-n1")]
    [InlineData("n1;reboot")]
    public void HostnamesThatWouldBreakTheCommandLineAreRejected(string hostname)
    {
        Assert.Throws<ArgumentException>(() => Node(hostname));
    }

    [Fact]
    public void APrivateKeyIsNotAcceptedAsAnAuthorizedKey()
    {
        Assert.Throws<ArgumentException>(() => Node("n1", "-----BEGIN OPENSSH PRIVATE KEY-----"));
    }
}
