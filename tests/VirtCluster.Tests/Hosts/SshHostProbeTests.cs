using VirtCluster.Hosts;
using VirtCluster.Tests.Remote;

namespace VirtCluster.Tests.Hosts;

/// <summary>The shell probe over SSH to a real sshd on 127.0.0.1 (this machine), compared with the machine itself.</summary>
public sealed class SshHostProbeTests(SshdFixture sshd) : IClassFixture<SshdFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OverSshTheProbeSeesTheSameHostAsLocally()
    {
        var overSsh = await new ShellHostProbe(new SshHostCommandRunner(sshd.Runner), Timeout).RunAsync(null, CancellationToken.None);
        var local = await new ShellHostProbe(new LocalHostCommandRunner(), Timeout).RunAsync(null, CancellationToken.None);

        Assert.Equal(await File.ReadAllTextAsync("/proc/cmdline"), overSsh.KernelCmdline);
        Assert.Equal(local.CpuinfoFlags, overSsh.CpuinfoFlags);
        Assert.Equal(local.IommuGroups, overSsh.IommuGroups);
    }

    [Fact]
    public async Task AProgramMissingOnTheHostGivesStatus127()
    {
        var result = await new SshHostCommandRunner(sshd.Runner).RunAsync(["virtcluster-no-such-program"], Timeout, CancellationToken.None);

        Assert.Equal(127, result.ExitStatus);
    }

    [Fact]
    public async Task AHangingProbeIsATimeoutNamingTheHost()
    {
        var e = await Assert.ThrowsAsync<TimeoutException>(() =>
            new SshHostCommandRunner(sshd.Runner).RunAsync(["sleep", "30"], TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.StartsWith($"{SshdFixture.HostName}: 'sleep 30'", e.Message);
    }
}
