namespace VirtCluster.Hosts;

/// <summary>
/// The evidence about the host's IOMMU. Groups under /sys/kernel/iommu_groups are decisive (the kernel only
/// creates them with the IOMMU on, whatever the command line says); the command line and
/// <c>virt-host-validate</c> lines explain why it is off.
/// </summary>
/// <param name="CmdlineSwitch">The IOMMU switch found on the kernel command line (<c>intel_iommu=on</c>), or null.</param>
/// <param name="GroupCount">Entries in /sys/kernel/iommu_groups.</param>
/// <param name="ValidateLines">The <c>virt-host-validate</c> lines about IOMMU and device assignment.</param>
public sealed record IommuState(string? CmdlineSwitch, int GroupCount, IReadOnlyList<ValidateLine> ValidateLines)
{
    public bool Enabled => GroupCount > 0;

    /// <summary>Evidence in one line, for preflight messages.</summary>
    public string Describe()
    {
        var parts = new List<string>
        {
            CmdlineSwitch is null ? "no intel_iommu=on/amd_iommu on the kernel command line" : $"kernel command line has {CmdlineSwitch}",
            GroupCount == 0 ? "/sys/kernel/iommu_groups is empty" : $"{GroupCount} IOMMU groups",
        };
        parts.AddRange(ValidateLines.Where(l => !l.Passed).Select(l => $"virt-host-validate: {l}"));
        return string.Join("; ", parts);
    }
}
