namespace VirtCluster.Hosts;

/// <summary>
/// Runs the probe commands on a live host through an <see cref="IHostCommandRunner"/>. A command that is
/// missing or fails leaves its output null, so preflight can say which fact is unknown rather than fail here.
/// </summary>
public sealed class ShellHostProbe(IHostCommandRunner runner, TimeSpan timeoutPerCommand) : IHostProbe
{
    private static readonly string[] Cmdline = ["cat", "/proc/cmdline"];
    private static readonly string[] IommuGroups = ["ls", "/sys/kernel/iommu_groups"];
    private static readonly string[] VirtHostValidate = ["virt-host-validate", "qemu"];
    private static readonly string[] FwVer = ["sh", "-c", "grep -H . /sys/class/infiniband/*/fw_ver"];
    private static readonly string[] IbvDevinfo = ["ibv_devinfo"];
    private static readonly string[] CpuinfoFlags = ["grep", "-m1", "-w", "flags", "/proc/cpuinfo"];
    private static readonly string[] Lsmod = ["lsmod"];

    public async Task<ProbeOutputs> RunAsync(PciAddress? hca, CancellationToken cancellationToken)
    {
        // virt-host-validate exits non-zero when any check fails; its lines are the point, so keep them.
        var validate = await runner.RunAsync(VirtHostValidate, timeoutPerCommand, cancellationToken);
        return new ProbeOutputs(
            await OutputAsync(Cmdline, cancellationToken),
            await OutputAsync(IommuGroups, cancellationToken),
            validate.ExitStatus == 127 || validate.Stdout.Length == 0 ? null : validate.Stdout,
            await OutputAsync(FwVer, cancellationToken),
            await OutputAsync(IbvDevinfo, cancellationToken),
            hca is { } a ? await OutputAsync(["mstflint", "-d", a.ToString(), "query"], cancellationToken) : null,
            await OutputAsync(CpuinfoFlags, cancellationToken),
            await OutputAsync(Lsmod, cancellationToken),
            hca?.ToString());
    }

    private async Task<string?> OutputAsync(IReadOnlyList<string> argv, CancellationToken ct)
    {
        var result = await runner.RunAsync(argv, timeoutPerCommand, ct);
        return result.ExitStatus == 0 ? result.Stdout : null;
    }
}
