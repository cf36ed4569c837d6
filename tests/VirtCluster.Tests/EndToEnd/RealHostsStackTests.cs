using System.Diagnostics;
using System.Text.Json.Nodes;
using VirtCluster.Config;
using VirtCluster.Tests.Config;
using VirtCluster.Lab;
using VirtCluster.LabHost;
using VirtCluster.Remote;
using VirtCluster.Tests.Support;
using VirtCluster.Testing;

namespace VirtCluster.Tests.EndToEnd;

/// <summary>
/// A stack of real hosts (<c>virtcluster:hosts</c>), as an operator declares them: each host's libvirt URI, its SSH
/// address, the operator's own key and a known_hosts file hashed by OpenSSH. The hosts are two simulated hosts that the
/// test starts itself, outside the stack, so the stack knows nothing of them but what a real host gives: facts are read
/// over SSH, the image is uploaded over libvirt, guests are reached through their host, the benchmark stage runs in
/// the VMs and on the hosts, and destroy leaves the hosts as they were.
/// </summary>
[Collection(RealVmCollection.Name)]
public sealed class RealHostsStackTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Short = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task TwoHostsDeclaredAsRealHostsRunTheClusterAndItsBenchmarksAndAreLeftAsTheyWere()
    {
        const string stack = "racks";
        var prefix = "vcr-" + Guid.NewGuid().ToString("N")[..6];
        var state = Directory.CreateTempSubdirectory("vc-racks-").FullName;
        var lab = new LabSpec(1, prefix, LabSpec.DefaultBootTimeout) { Fleet = new FleetSpec(2, FleetLayout.DefaultManagement(prefix)) };
        var network = new NetworkSpec("vcr", "10.79.0.0/24", "vcbr-r" + prefix[4..8]);
        var fleet = new FleetLayout(stack, lab, network, state);
        var fabric = new SimulatedFabric(fleet.Fabric);
        var hosts = fleet.Hosts.Select(h => new SimulatedHost(h)).ToList();

        // The operator's key, which the hosts authorize, and the known_hosts file where their keys already are.
        var operatorKey = SshKeyPair.Generate("operator");
        var keyFile = Path.Combine(state, "operator-key");
        var knownHostsFile = Path.Combine(state, "known_hosts");
        LabProject? project = null;
        try
        {
            await fabric.StartAsync(CancellationToken.None);
            Directory.CreateDirectory(fleet.StateDirectory);
            operatorKey.WritePrivateKeyFile(keyFile);

            // The stack's cluster key is made first, and authorized on the hosts as an operator would, so that mpirun on
            // one host reaches the other for the bare-metal runs.
            var stackFile = StackFile(stack, fleet, network, keyFile, knownHostsFile);
            project = new LabProject(stack, stackFile);
            File.WriteAllText(Path.Combine(project.Directory, "e2e-suite.yaml"), LabProject.SmallNetpipeSuite);
            var keys = new StackKeys(Path.Combine(project.Directory, ".virtcluster", "keys", stack), stack);
            await Task.WhenAll(hosts.Select(h => h.StartAsync([operatorKey.PublicKeyLine, keys.Cluster.PublicKeyLine], null, CancellationToken.None)));
            var known = new KnownHosts();
            foreach (var host in hosts)
            {
                known.Pin(host.Layout.Address, host.HostKey!);
            }

            known.SaveAs(knownHostsFile);
            Hash(knownHostsFile);
            Assert.DoesNotContain(hosts[0].Layout.Address, File.ReadAllText(knownHostsFile), StringComparison.Ordinal);

            var up = project.Run(Long, "up", "--yes");
            Assert.True(up.Exit == 0, $"up failed ({up.Exit}):\n{up.Out}\n{up.Err}\n{project.LastLogProblems()}");
            Assert.Contains("21 created", up.Out, StringComparison.Ordinal);

            // Facts came from the hosts over SSH (a host's libvirtd reports its own domains' state), and each host holds
            // the image in its pool at the real-host path and runs its guest.
            foreach (var host in hosts)
            {
                var pool = Path.Combine(host.Layout.StateDirectory, "lib", "images", "virtcluster-" + stack);
                Assert.Single(Directory.GetFiles(pool, "base-*.qcow2"));
                Assert.Single(Directory.GetFiles(pool, "initrd-*"));
                Assert.True(host.IsRunning, host.Layout.Name);
            }

            // NetPIPE ran between the VMs on the two hosts, and between the hosts themselves, which the results call bare metal.
            var outputs = project.Run(Short, "stack", "output", "--json");
            Assert.True(outputs.Exit == 0, outputs.Err);
            var json = JsonNode.Parse(outputs.Out)!;
            foreach (var environment in new[] { "tcg", "bmm" })
            {
                var netpipe = json["environments"]![environment]!["netpipe"]!;
                Assert.True(netpipe["latencyUs"]!.GetValue<double>() > 0, outputs.Out);
                Assert.Equal("interNode", netpipe["placement"]!.GetValue<string>());
            }

            Assert.Equal(BareMetalHost.RealHostsNote, json["environments"]!["bmm"]!["fingerprint"]!["hypervisor"]!.GetValue<string>());
            Assert.Equal(0, json["runs"]!["failed"]!.GetValue<int>());

            // Every node answers through its host, and reaches the node on the other host by name over the cluster network.
            var nodes = new[] { $"{stack}-{hosts[0].Layout.Name}", $"{stack}-{hosts[1].Layout.Name}" };
            foreach (var node in nodes)
            {
                var exec = project.Run(Short, "exec", node, "--", "hostname");
                Assert.True(exec.Exit == 0, exec.Err);
                Assert.Equal(node, exec.Out.Trim());
            }

            var across = project.Run(Short, "exec", nodes[0], "--", "ssh", "-o", "BatchMode=yes", nodes[1], "hostname");
            Assert.True(across.Exit == 0, across.Err);
            Assert.Equal(nodes[1], across.Out.Trim());

            var destroy = project.Run(Long, "destroy", "--yes");
            Assert.True(destroy.Exit == 0, $"destroy failed:\n{destroy.Out}\n{destroy.Err}");
            Assert.Contains("21 deleted", destroy.Out, StringComparison.Ordinal);

            // The hosts are as the operator left them: running, with no domain, network or pool in their libvirtd.
            foreach (var (host, spec) in hosts.Zip(StackFixture.LoadSpec(project.Directory, stack).Hosts))
            {
                Assert.True(host.IsRunning, host.Layout.Name);
                using var libvirt = VirtCluster.Libvirt.LibvirtConnection.Open(spec.Uri!);
                Assert.Empty(libvirt.ListAllDomains());
                Assert.Empty(libvirt.ListAllNetworks());
                Assert.Empty(libvirt.ListAllStoragePools());
            }
        }
        finally
        {
            project?.Dispose();
            foreach (var host in hosts)
            {
                await host.StopAsync(CancellationToken.None);
            }

            await fabric.StopAsync(CancellationToken.None);
            Directory.Delete(state, recursive: true);
        }

        foreach (var host in hosts)
        {
            var leftovers = await host.FindLeftoversAsync(CancellationToken.None);
            Assert.True(leftovers.IsClean, leftovers.ToString());
        }

        Assert.False(fabric.Exists);
    }

    /// <summary>The stack file an operator writes for these two hosts.</summary>
    private static string StackFile(string stack, FleetLayout fleet, NetworkSpec network, string keyFile, string knownHostsFile)
    {
        var hosts = string.Concat(fleet.Hosts.Select(h => $$"""
                - name: {{h.Name}}
                  uri: qemu+libssh://root@{{h.Address}}/system?keyfile={{keyFile}}&known_hosts={{knownHostsFile}}&known_hosts_verify=normal&sshauth=privkey
                  ssh: { address: {{h.Address}}, user: root, identityFile: {{keyFile}}, knownHosts: {{knownHostsFile}} }
                  clusterAddress: {{h.ClusterAddress}}

            """));
        return $"""
            config:
              virtcluster:hosts:
            {hosts}  virtcluster:vcpus: 1
              virtcluster:memory: 1GiB
              virtcluster:io: virtio
              virtcluster:hypervisor: auto
              virtcluster:pinning: strict
              virtcluster:image: {Path.Combine(TestPaths.RepoRoot, "images", "hpc-node.yaml")}
              virtcluster:network:
                name: {network.Name}
                subnet: {network.Subnet}
                bridge: {network.Bridge}
              virtcluster:bench:
                enabled: true
                suite: e2e-suite.yaml
                bareMetal: [{fleet.Hosts[0].Name}, {fleet.Hosts[1].Name}]
            """;
    }

    /// <summary>Hashes the file's host names as Debian's OpenSSH does by default (HashKnownHosts yes).</summary>
    private static void Hash(string knownHostsFile)
    {
        using var keygen = Process.Start(new ProcessStartInfo("ssh-keygen", ["-H", "-f", knownHostsFile]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        keygen.WaitForExit();
        Assert.Equal(0, keygen.ExitCode);
        File.Delete(knownHostsFile + ".old");
    }
}
