using System.Diagnostics;
using System.Runtime.Versioning;
using VirtCluster.LabHost;
using VirtCluster.Linux;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.LabHost;

/// <summary>
/// Runs a real private libvirtd in a namespace created by the test. Every test stops its lab and checks
/// that nothing is left, also when an assertion fails on the way.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LabEnvironmentTests(LabStateFolder state) : IClassFixture<LabStateFolder>
{
    private const string IsolatedNetwork = """
        <network>
          <name>vctest</name>
          <bridge name='vcbr0' stp='off' delay='0'/>
          <ip address='10.77.0.1' netmask='255.255.255.0'>
            <dhcp>
              <host mac='52:54:00:77:00:11' name='n1' ip='10.77.0.11'/>
            </dhcp>
          </ip>
        </network>
        """;

    private LabEnvironment NewLab() => new(LabStateFolder.NewNamespaceName(), state.Path);

    private string Virsh(LabEnvironment lab, params string[] arguments)
    {
        var (exitCode, output) = ProgramRun.Run("virsh", ["-c", lab.ConnectionUri, .. arguments]);
        Assert.True(exitCode == 0, $"virsh {string.Join(' ', arguments)} failed: {output}");
        return output;
    }

    private static async Task WithLab(LabEnvironment lab, Func<Task> body)
    {
        try
        {
            await body();
        }
        finally
        {
            await lab.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task AStartedLabAnswersOnItsOwnSocketWithoutTheDefaultNetworkAndStopsWithoutLeftovers()
    {
        var lab = NewLab();
        var hostRunLibvirt = Directory.Exists("/run/libvirt");
        Process? stray = null;

        await WithLab(lab, async () =>
        {
            await lab.StartAsync(null, CancellationToken.None);

            Assert.True(lab.IsRunning);
            Assert.Contains("QEMU", Virsh(lab, "version"));
            Assert.DoesNotContain("default", Virsh(lab, "net-list", "--all", "--name"));
            Assert.Contains(lab.Name, ProgramRun.Run("ip", "netns", "list").Output);
            Assert.Equal(hostRunLibvirt, Directory.Exists("/run/libvirt"));

            // The leftover check sees the daemon, and a process of the test's own that only the namespace ties to the lab.
            await LabLeftoverControl.AssertSeesTheRunningLabAsync(lab);
            stray = Process.Start("ip", ["netns", "exec", lab.Name, "sleep", "60"]);
            await WaitUntilAsync(async () => (await lab.FindLeftoversAsync(CancellationToken.None)).Processes.Contains(new LabProcess(stray.Id, "sleep")));
        });

        var leftovers = await lab.FindLeftoversAsync(CancellationToken.None);
        Assert.True(leftovers.IsClean, leftovers.ToString());
        using (stray)
        {
            Assert.True(stray!.WaitForExit(TimeSpan.FromSeconds(10)), "stopping the lab left a process in its namespace running");
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(lab.Paths.Cache, "qemu", "capabilities")));
        Assert.Equal(hostRunLibvirt, Directory.Exists("/run/libvirt"));
    }

    [Fact]
    public async Task StartingARunningLabAgainKeepsItsDaemon()
    {
        var lab = NewLab();

        await WithLab(lab, async () =>
        {
            await lab.StartAsync(null, CancellationToken.None);
            var pid = File.ReadAllText(lab.Paths.PidFile);

            await lab.StartAsync(null, CancellationToken.None);

            Assert.Equal(pid, File.ReadAllText(lab.Paths.PidFile));
            Assert.Contains("QEMU", Virsh(lab, "version"));
            await LabLeftoverControl.AssertSeesTheRunningLabAsync(lab);
        });

        Assert.True((await lab.FindLeftoversAsync(CancellationToken.None)).IsClean);
    }

    [Fact]
    public async Task AfterTheDaemonCrashedTheNextStartCleansUpItsDnsmasqAndAStopLeavesNothing()
    {
        var crashed = NewLab();
        var network = Path.Combine(state.Path, "network.xml");
        File.WriteAllText(network, IsolatedNetwork);

        await WithLab(crashed, async () =>
        {
            await crashed.StartAsync(null, CancellationToken.None);
            Virsh(crashed, "net-create", network);
            await KillDaemonAsync(crashed);

            var leftovers = await crashed.FindLeftoversAsync(CancellationToken.None);
            Assert.Contains(leftovers.Processes, p => p.Command == "dnsmasq");
            Assert.Contains("vcbr0", leftovers.Links);
            Assert.Equal(crashed.Name, leftovers.Namespace);

            var restarted = new LabEnvironment(crashed.Name, state.Path);
            await restarted.StartAsync(null, CancellationToken.None);
            Assert.DoesNotContain("vctest", Virsh(restarted, "net-list", "--all", "--name"));
            Assert.DoesNotContain((await LabLeftoverControl.AssertSeesTheRunningLabAsync(restarted)).Processes, p => p.Command == "dnsmasq");
        });

        var after = await crashed.FindLeftoversAsync(CancellationToken.None);
        Assert.True(after.IsClean, after.ToString());
    }

    [Fact]
    public async Task AfterTheDaemonWasKilledResumeRestartsItOnItsStateAndItTakesBackItsNetworkAndDnsmasq()
    {
        var lab = NewLab();
        var network = Path.Combine(state.Path, "network.xml");
        File.WriteAllText(network, IsolatedNetwork);

        await WithLab(lab, async () =>
        {
            Assert.False(await lab.ResumeAsync(null, CancellationToken.None)); // not created yet: nothing to resume
            await lab.StartAsync(null, CancellationToken.None);
            Virsh(lab, "net-create", network);
            var dnsmasq = await DnsmasqPidsAsync(lab);
            Assert.NotEmpty(dnsmasq);
            await KillDaemonAsync(lab);
            Assert.True(lab.IsResumable);

            Assert.True(await lab.ResumeAsync(null, CancellationToken.None));

            Assert.True(lab.IsRunning);
            await LabLeftoverControl.AssertSeesTheRunningLabAsync(lab);
            Assert.Contains("vctest", Virsh(lab, "net-list", "--name"));
            Assert.Equal(dnsmasq, await DnsmasqPidsAsync(lab)); // the same processes: taken back, not started twice
            Assert.False(await lab.ResumeAsync(null, CancellationToken.None)); // running: nothing to do
        });

        var leftovers = await lab.FindLeftoversAsync(CancellationToken.None);
        Assert.True(leftovers.IsClean, leftovers.ToString());
        Assert.False(lab.IsResumable);
    }

    [Fact]
    public async Task TwoReadersFindingTheDaemonDeadAtOnceRestartItOnce()
    {
        var lab = NewLab();
        await WithLab(lab, async () =>
        {
            await lab.StartAsync(null, CancellationToken.None);
            await KillDaemonAsync(lab);

            // A run's libvirt connection and a resource's read can both find it dead: a second start would fail on the pid file.
            var resumed = await Task.WhenAll(
                lab.ResumeAsync(null, CancellationToken.None),
                new LabEnvironment(lab.Name, state.Path).ResumeAsync(null, CancellationToken.None));

            Assert.Equal([false, true], resumed.Order());
            Assert.True(lab.IsRunning);
        });

        Assert.True((await lab.FindLeftoversAsync(CancellationToken.None)).IsClean);
    }

    [Fact]
    public async Task ResumeRemovesTheBridgeAndDnsmasqOfANetworkWhoseStartDidNotFinishSoItCanStartAgain()
    {
        var lab = NewLab();
        var network = Path.Combine(state.Path, "network.xml");
        File.WriteAllText(network, IsolatedNetwork);

        await WithLab(lab, async () =>
        {
            await lab.StartAsync(null, CancellationToken.None);
            Virsh(lab, "net-define", network);
            Virsh(lab, "net-start", "vctest");
            await KillDaemonAsync(lab);

            // As when the daemon dies in the middle of starting the network: bridge and dnsmasq up, no status saved.
            File.Delete(Path.Combine(lab.Paths.Run, "libvirt", "network", "vctest.xml"));
            Assert.NotEmpty(await DnsmasqPidsAsync(lab));

            Assert.True(await lab.ResumeAsync(null, CancellationToken.None));

            Assert.DoesNotContain("vcbr0", await NetworkNamespace.LinksAsync(lab.Name, CancellationToken.None));
            Assert.Empty(await DnsmasqPidsAsync(lab));
            Assert.Contains("vctest", Virsh(lab, "net-list", "--inactive", "--name"));
            Virsh(lab, "net-start", "vctest");
            Assert.Contains("vcbr0", await NetworkNamespace.LinksAsync(lab.Name, CancellationToken.None));
            Virsh(lab, "net-destroy", "vctest");
            Virsh(lab, "net-undefine", "vctest");
        });

        var leftovers = await lab.FindLeftoversAsync(CancellationToken.None);
        Assert.True(leftovers.IsClean, leftovers.ToString());
    }

    [Fact]
    public async Task ThePrivateDaemonsFoldersAndSocketAreClosedToOtherUsers()
    {
        var lab = NewLab();
        await WithLab(lab, async () =>
        {
            await lab.StartAsync(null, CancellationToken.None);

            var root = File.GetUnixFileMode(lab.Paths.Root);
            Assert.Equal(UnixFileMode.None, root & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute));

            // As user nobody: none of the daemon's folders can be listed, and its socket cannot be reached.
            foreach (var folder in lab.Paths.Mounts.Select(m => m.Source).Append(lab.Paths.Overlays).Append(lab.Paths.Consoles))
            {
                var (exitCode, output) = AsNobody("ls", folder);
                Assert.True(exitCode != 0 && output.Contains("Permission denied", StringComparison.Ordinal), $"{folder} is readable by others: {output}");
            }

            var (code, virsh) = AsNobody("virsh", "-c", lab.ConnectionUri, "list");
            Assert.True(code != 0, $"another user reached the lab's libvirtd: {virsh}");
        });
    }

    /// <summary>SIGKILL to the lab's daemon (this test started it), then waits until it is gone: kill(1) does not wait.</summary>
    private static async Task KillDaemonAsync(LabEnvironment lab)
    {
        Assert.True(lab.IsRunning, "the daemon to kill is not running");
        var daemon = File.ReadAllText(lab.Paths.PidFile).Trim();
        Assert.Equal(0, ProgramRun.Run("kill", "-KILL", daemon).ExitCode);
        for (var i = 0; i < 200 && lab.IsRunning; i++)
        {
            await Task.Delay(50);
        }

        Assert.False(lab.IsRunning);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await condition(), "the condition never became true");
    }

    /// <summary>
    /// The lab's dnsmasq processes that serve a network. A daemon just started also runs <c>dnsmasq --version</c> for a
    /// moment, to learn what it supports; that one serves nothing and is not counted.
    /// </summary>
    private static async Task<List<int>> DnsmasqPidsAsync(LabEnvironment lab) =>
        [.. (await lab.FindLeftoversAsync(CancellationToken.None)).Processes
            .Where(p => p.Command == "dnsmasq" && LabProcesses.DnsmasqNetwork(p.Pid) is not null)
            .Select(p => p.Pid)
            .Order()];

    private static (int ExitCode, string Output) AsNobody(params string[] command) =>
        ProgramRun.Run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "--", .. command]);

    [Fact]
    public void AStateFolderTooDeepForAUnixSocketIsRefusedUpFront()
    {
        var deep = Path.Combine(state.Path, new string('d', 100));

        var error = Assert.Throws<ArgumentException>(() => new LabEnvironment("vct-deep", deep));

        Assert.Contains("too deep", error.Message);
    }
}
