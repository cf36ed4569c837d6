using VirtCluster.Hosts;

namespace VirtCluster.Tests.Hosts;

/// <summary>The shell probe run for real on this machine through the local runner.</summary>
public sealed class ShellHostProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OnThisMachineTheProbeReadsTheKernelCommandLineAndCpuFlags()
    {
        var probe = new ShellHostProbe(new LocalHostCommandRunner(), Timeout);

        var outputs = await probe.RunAsync(null, CancellationToken.None);

        Assert.Equal(await File.ReadAllTextAsync("/proc/cmdline"), outputs.KernelCmdline);
        Assert.Contains("fpu", ProbeOutputParser.CpuFlags(outputs.CpuinfoFlags!));
        Assert.Null(outputs.MstflintQuery);
    }

    [Fact]
    public async Task TheCpuFlagsAreThisMachinesFirstFlagsLineVerbatim()
    {
        var outputs = await new ShellHostProbe(new LocalHostCommandRunner(), Timeout).RunAsync(null, CancellationToken.None);

        // Read as data, not parsed: the first line of /proc/cpuinfo that begins with "flags" (never "vmx flags").
        var firstFlagsLine = File.ReadLines("/proc/cpuinfo").First(line => line.StartsWith("flags", StringComparison.Ordinal));
        Assert.Equal(firstFlagsLine + "\n", outputs.CpuinfoFlags);
    }

    [Fact]
    public async Task AMissingProgramExitsWith127()
    {
        var result = await new LocalHostCommandRunner().RunAsync(["virtcluster-no-such-program"], Timeout, CancellationToken.None);

        Assert.Equal(127, result.ExitStatus);
    }

    [Fact]
    public async Task ACommandOverItsTimeoutIsKilled()
    {
        var e = await Assert.ThrowsAsync<TimeoutException>(() =>
            new LocalHostCommandRunner().RunAsync(["sleep", "30"], TimeSpan.FromMilliseconds(300), CancellationToken.None));

        Assert.Contains("sleep 30", e.Message);
    }
}
