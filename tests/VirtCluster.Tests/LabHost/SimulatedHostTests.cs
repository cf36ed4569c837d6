using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using VirtCluster.Config;
using VirtCluster.LabHost;
using VirtCluster.Libvirt;
using VirtCluster.Linux;
using VirtCluster.Remote;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.LabHost;

/// <summary>
/// Two simulated hosts on a fabric, reached as real hosts are: SSH over their management links with pinned host keys,
/// libvirt over <c>qemu+libssh</c> with the stack's key, and each host's cluster bridge reaching the other's at layer 2.
/// Every test stops what it started and checks that nothing is left.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SimulatedHostTests(LabStateFolder state) : IClassFixture<LabStateFolder>
{
    private FleetLayout Fleet(int hosts)
    {
        var prefix = "vct-" + Guid.NewGuid().ToString("N")[..6];
        var lab = new LabSpec(1, prefix, LabSpec.DefaultBootTimeout) { Fleet = new FleetSpec(hosts, FleetLayout.DefaultManagement(prefix)) };
        return new FleetLayout("t" + prefix[4..], lab, new NetworkSpec("vct", "10.79.0.0/24", "vcbr-t"), Path.Combine(state.Path, prefix[4..]));
    }

    [Fact]
    public async Task TwoHostsAnswerOverSshAndLibvirtWithPinnedKeysShareTheClusterSegmentAndLeaveNothing()
    {
        var fleet = Fleet(2);
        var admin = SshKeyPair.Generate("test-admin");
        var fabric = new SimulatedFabric(fleet.Fabric);
        var hosts = fleet.Hosts.Select(h => new SimulatedHost(h)).ToList();
        try
        {
            await fabric.StartAsync(CancellationToken.None);
            Directory.CreateDirectory(fleet.StateDirectory);
            admin.WritePrivateKeyFile(fleet.KeyFile);
            var keys = await Task.WhenAll(hosts.Select(h => h.StartAsync([admin.PublicKeyLine], null, CancellationToken.None)));
            Assert.NotEqual(keys[0], keys[1]);
            Assert.Equal(["10.79.0.254", "10.79.0.253"], hosts.Select(h => h.Layout.ClusterAddress));

            foreach (var (host, spec) in hosts.Zip(fleet.HostSpecs))
            {
                // SSH with the pinned key: the host answers from its own namespace, where its management address is.
                var knownHosts = new KnownHosts();
                knownHosts.Pin(host.Layout.Name, host.HostKey!);
                await using var ssh = await SshRunner.ConnectAsync(
                    new VirtCluster.Remote.SshEndpoint(host.Layout.Name, host.Layout.Address, 22), SshIdentity.FromKeyPair("root", admin), knownHosts);
                var addresses = (await ssh.RunAsync(["ip", "-o", "-4", "addr", "show"])).EnsureSuccess("list addresses");
                Assert.Contains($"mgmt0    inet {host.Layout.Address}/30", addresses.Stdout, StringComparison.Ordinal);
                Assert.Contains($"inet {host.Layout.ClusterAddress}/24", addresses.Stdout, StringComparison.Ordinal);
                Assert.DoesNotContain(hosts.Single(h => h != host).Layout.Address, addresses.Stdout, StringComparison.Ordinal);

                // libvirt over SSH: the host's own daemon, which has no network of this machine's.
                using var libvirt = LibvirtConnection.Open(spec.Uri!);
                Assert.True(libvirt.LibVersion().Major >= 9);
                Assert.Empty(libvirt.ListAllNetworks());

                // Replies larger than one SSH packet arrive whole: the host's capabilities, as facts over SSH read them.
                Assert.Contains("<topology>", libvirt.Capabilities(), StringComparison.Ordinal);

                // The host's facts, read as a real host's are (over its SSH and its libvirt URI), and preflight over them.
                var asReal = spec with { Ssh = spec.Ssh! with { KnownHostsFile = FleetLayout.KnownHostsFile(host.Layout) } };
                var clusterSpec = SpecSamples.Agc() with { Hosts = [asReal], Io = IoMode.Virtio, Node = new NodeSizing(1, SpecSamples.GiB, 0, HugePages.None) };
                using var connections = new VirtCluster.Resources.Libvirt.LibvirtConnections();
                var facts = await new VirtCluster.Cluster.HostFactsSource(connections).ReadAsync(clusterSpec, asReal, CancellationToken.None);
                Assert.Equal(Environment.ProcessorCount, facts.CpuCount);
                Assert.Equal(VirtCluster.Hosts.Verdict.Pass, facts.Transport!.Verdict);
                var report = VirtCluster.Hosts.Preflight.Run(clusterSpec, [facts]);
                Assert.False(report.HasFailures, string.Join('\n', report.Checks.Select(c => $"{c.Check}: {c.Verdict}: {c.Found}")));
            }

            // Layer 2 across hosts: from host 1, host 2's sshd answers on its cluster address (as mpirun between hosts
            // needs), while an address no host has does not answer at all.
            Assert.Equal(SocketError.Success, await ConnectFrom(hosts[0].Layout.Namespace, hosts[1].Layout.ClusterAddress));
            Assert.Equal(SocketError.Success, await ConnectFrom(hosts[1].Layout.Namespace, hosts[0].Layout.ClusterAddress));
            Assert.NotEqual(SocketError.Success, await ConnectFrom(hosts[0].Layout.Namespace, "10.79.0.200"));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync(CancellationToken.None);
            }

            await fabric.StopAsync(CancellationToken.None);
        }

        foreach (var host in hosts)
        {
            var leftovers = await host.FindLeftoversAsync(CancellationToken.None);
            Assert.True(leftovers.IsClean, leftovers.ToString());
        }

        Assert.False(fabric.Exists);
    }

    private static async Task<SocketError> ConnectFrom(string ns, string address)
    {
        using var netns = NetworkNamespace.Open(ns);
        using var socket = await netns.CreateTcpSocketAsync(AddressFamily.InterNetwork);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.ConnectAsync(IPAddress.Parse(address), 22, timeout.Token);
            return SocketError.Success;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
        catch (OperationCanceledException)
        {
            return SocketError.TimedOut;
        }
    }

    [Fact]
    public async Task AHostPresentingAnotherKeyIsRefusedByLibvirtAndByTheTool()
    {
        var fleet = Fleet(1);
        var admin = SshKeyPair.Generate("test-admin");
        var fabric = new SimulatedFabric(fleet.Fabric);
        var host = new SimulatedHost(fleet.Hosts[0]);
        try
        {
            await fabric.StartAsync(CancellationToken.None);
            Directory.CreateDirectory(fleet.StateDirectory);
            admin.WritePrivateKeyFile(fleet.KeyFile);
            await host.StartAsync([admin.PublicKeyLine], null, CancellationToken.None);
            var uri = fleet.HostSpecs[0].Uri!;
            using (LibvirtConnection.Open(uri))
            {
                // Positive control: the pinned key is accepted.
            }

            var impostor = SshKeyPair.Generate("impostor").PublicKeyLine;
            File.WriteAllText(FleetLayout.KnownHostsFile(host.Layout), $"{host.Layout.Address} {impostor}\n");
            var refused = Assert.ThrowsAny<LibvirtException>(() => LibvirtConnection.Open(uri));
            Assert.Contains("HOST KEY", refused.Message, StringComparison.OrdinalIgnoreCase);

            var knownHosts = new KnownHosts();
            knownHosts.Pin(host.Layout.Name, impostor);
            await Assert.ThrowsAsync<HostKeyMismatchException>(() => SshRunner.ConnectAsync(
                new VirtCluster.Remote.SshEndpoint(host.Layout.Name, host.Layout.Address, 22), SshIdentity.FromKeyPair("root", admin), knownHosts));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            await fabric.StopAsync(CancellationToken.None);
        }

        Assert.True((await host.FindLeftoversAsync(CancellationToken.None)).IsClean);
    }
}
