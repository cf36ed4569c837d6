using VirtCluster.Config;
using VirtCluster.LabHost;
using VirtCluster.Tests.Config;

namespace VirtCluster.Tests.LabHost;

/// <summary>
/// <c>lab.hosts</c> turns into hosts given to the rest of the tool as real ones: a qemu+libssh URI with the stack's
/// key and the host's pinned key, an SSH endpoint, and the same names and addresses on every run.
/// </summary>
public sealed class FleetLayoutTests
{
    private const string TwoHosts = """
        config:
          virtcluster:lab:
            hosts: 2
            namespace: vc-t
            management: 10.78.5.0/24
          virtcluster:network:
            name: vc-t
            subnet: 10.77.0.0/24
            bridge: vcbr-t

        """;

    [Fact]
    public void SimulatedHostsAreDeclaredAsRealHostsWithTheirOwnAddressesKeysAndLinks()
    {
        using var project = new StackFixture("t", TwoHosts);
        var spec = project.Load();
        var state = Path.Combine(project.Directory, ".virtcluster", "lab", "t");

        Assert.Equal(["sim01", "sim02"], spec.Hosts.Select(h => h.Name));
        Assert.Equal(1, spec.NodesPerHost);
        var second = spec.Hosts[1];
        Assert.Equal(
            $"qemu+libssh://root@10.78.5.6/system?keyfile={state}/admin-key&known_hosts={state}/hosts/sim02/ssh/known_hosts&known_hosts_verify=normal&sshauth=privkey",
            second.Uri);
        Assert.Equal(new SshEndpoint("10.78.5.6", 22, "root", $"{state}/admin-key"), second.Ssh);
        Assert.Null(second.SimulatedHostXml);

        var layout = new FleetLayout(spec.Stack, spec.Lab!, spec.Network, spec.Backend).Hosts;
        Assert.Equal(
            new SimulatedHostLayout("sim02", "vc-t-sim02", $"{state}/hosts/sim02", layout[1].RootLink, "10.78.5.5", "10.78.5.6", 30, "vc-t-fabric", "p02", "vcbr-t", "10.77.0.253", 24),
            layout[1]);
        Assert.Equal(("10.78.5.1", "10.78.5.2", "10.77.0.254"), (layout[0].RootAddress, layout[0].Address, layout[0].ClusterAddress));
        Assert.Matches("^vcm[0-9a-f]{6}02$", layout[1].RootLink);
        Assert.Equal(layout[0].RootLink[..^2], layout[1].RootLink[..^2]);
    }

    [Fact]
    public void TheDefaultManagementNetworkFollowsTheNamespaceAndTheSingleMachineLabKeepsItsOneHost()
    {
        Assert.Equal(FleetLayout.DefaultManagement("vc-local"), FleetLayout.DefaultManagement("vc-local"));
        Assert.Matches(@"^10\.78\.\d{1,3}\.0/24$", FleetLayout.DefaultManagement("vc-local"));
        Assert.NotEqual(FleetLayout.DefaultManagement("vc-local"), FleetLayout.DefaultManagement("vc-agc16"));

        using var project = new StackFixture("t", "config:\n  virtcluster:lab: { nodes: 2 }\n");
        var spec = project.Load();
        Assert.Equal(["local"], spec.Hosts.Select(h => h.Name));
        Assert.Null(spec.Lab!.Fleet);
        Assert.Equal(2, spec.NodesPerHost);
    }

    [Theory]
    [InlineData("qemu+ssh://root@a1/system", "keyfile: /k/id", "qemu+ssh://root@a1/system?keyfile=/k/id&no_tty=1")]
    [InlineData("qemu+ssh://root@a1/system?keyfile=/mine", "keyfile: /k/id", "qemu+ssh://root@a1/system?keyfile=/mine&no_tty=1")]
    [InlineData("qemu+ssh://root@a1/system", "", "qemu+ssh://root@a1/system?no_tty=1")]
    [InlineData("qemu+tls://a1/system", "keyfile: /k/id", "qemu+tls://a1/system")]
    public void ARealHostsSshUriGetsTheStacksIdentityAndNeverAsksOnATerminal(string uri, string key, string expected)
    {
        var identity = key.Length == 0 ? "" : ", identityFile: " + key.Split(": ")[1];
        using var project = new StackFixture("r", $"config:\n  virtcluster:hosts:\n    - name: a1\n      uri: {uri}\n      ssh: {{ address: a1{identity} }}\n");

        Assert.Equal(expected, Assert.Single(project.Load().Hosts).Uri);
    }
}
