using System.Text.Json.Nodes;
using VirtCluster.LabHost;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.EndToEnd;

/// <summary>
/// A cluster on three simulated hosts, driven through the real program: each host a network namespace with its own
/// sshd and libvirtd that the tool reaches over SSH and qemu+libssh, the image uploaded to each, one VM per host on a
/// cluster network spanning the hosts, the benchmark stage across hosts in the VMs and on the hosts themselves, one
/// host's libvirtd killed and brought back, and destroy leaving nothing.
/// </summary>
[Collection(RealVmCollection.Name)]
public sealed class FleetStackTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Short = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ThreeSimulatedHostsRunTheClusterAndItsBenchmarksAcrossHostsSurviveALibvirtdKillAndLeaveNothing()
    {
        using var project = new LabProject("fleet", nodes: 3, hosts: 3, extraConfig: """
              virtcluster:bench:
                enabled: true
                suite: e2e-suite.yaml
                bareMetal: [sim01, sim03]
            """);
        File.WriteAllText(Path.Combine(project.Directory, "e2e-suite.yaml"), LabProject.SmallNetpipeSuite);

        var up = project.Run(Long, "up", "--yes");
        Assert.True(up.Exit == 0, $"up failed ({up.Exit}):\n{up.Out}\n{up.Err}");
        Assert.Contains("33 created", up.Out, StringComparison.Ordinal);

        // Each host holds its own copy of the image, uploaded over its libvirt connection, and runs its own guest.
        foreach (var host in project.HostLayouts)
        {
            var pool = Path.Combine(host.StateDirectory, "lib", "images", "virtcluster-fleet");
            Assert.Single(Directory.GetFiles(pool, "base-*.qcow2"));
            Assert.Single(Directory.GetFiles(pool, "vmlinuz-*"));
            Assert.True(new SimulatedHost(host).IsRunning, host.Name);
        }

        // NetPIPE ran between VMs on two hosts and between the hosts themselves, and says the hosts are simulated.
        var outputs = project.Run(Short, "stack", "output", "--json");
        Assert.True(outputs.Exit == 0, outputs.Err);
        var json = JsonNode.Parse(outputs.Out)!;
        foreach (var environment in new[] { "tcg", "bmm" })
        {
            var netpipe = json["environments"]![environment]!["netpipe"]!;
            Assert.True(netpipe["latencyUs"]!.GetValue<double>() > 0, outputs.Out);
            Assert.Equal("interNode", netpipe["placement"]!.GetValue<string>());
        }

        Assert.Contains("simulated hosts", outputs.Out, StringComparison.Ordinal);
        Assert.Equal(0, json["runs"]!["failed"]!.GetValue<int>());

        // Every node answers through its host, and a node reaches a node on another host by name over the cluster network.
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(project.Node(k), Exec(project, k, "hostname"));
        }

        Assert.Equal(project.Node(2), Exec(project, 0, "ssh", "-o", "BatchMode=yes", project.Node(2), "hostname"));

        // Host 2's libvirtd killed: its guest carries on; reading the stack brings the daemon back and finds no drift,
        // and the next up changes nothing.
        var second = new SimulatedHost(project.HostLayouts[1]);
        var bootId = Exec(project, 1, "cat", "/proc/sys/kernel/random/boot_id");
        Assert.Equal(0, ProgramRun.Run("kill", "-KILL", File.ReadAllText(second.Daemon.Paths.PidFile).Trim()).ExitCode);
        await WaitUntilAsync(() => !second.Daemon.IsRunning);
        var refresh = project.Run(Long, "refresh", "--yes");
        Assert.True(refresh.Exit == 0, $"refresh after the kill failed ({refresh.Exit}):\n{refresh.Out}\n{refresh.Err}");
        Assert.Contains("Drift: 0 changed, 0 deleted", refresh.Out, StringComparison.Ordinal);
        Assert.True(second.Daemon.IsRunning);
        var again = project.Run(Long, "up", "--yes");
        Assert.True(again.Exit == 0, $"up after the kill failed ({again.Exit}):\n{again.Out}\n{again.Err}");
        Assert.True(again.Out.Contains("0 created, 0 updated, 0 replaced, 0 deleted", StringComparison.Ordinal), again.Out);
        Assert.Equal(bootId, Exec(project, 1, "cat", "/proc/sys/kernel/random/boot_id"));

        var destroy = project.Run(Short, "destroy", "--yes");
        Assert.True(destroy.Exit == 0, $"destroy failed ({destroy.Exit}):\n{destroy.Out}\n{destroy.Err}");
        Assert.Contains("33 deleted", destroy.Out, StringComparison.Ordinal);
        foreach (var host in project.HostLayouts)
        {
            var leftovers = await new SimulatedHost(host).FindLeftoversAsync(CancellationToken.None);
            Assert.True(leftovers.IsClean, $"{host.Name}: {leftovers}");
        }

        Assert.False(new SimulatedFabric(project.Fabric).Exists);
    }

    private static string Exec(LabProject project, int node, params string[] command)
    {
        var run = project.Run(Short, ["exec", project.Node(node), "--", .. command]);
        Assert.True(run.Exit == 0, $"exec on {project.Node(node)} failed ({run.Exit}): {run.Err}");
        return run.Out.Trim();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(50);
        }
    }
}
