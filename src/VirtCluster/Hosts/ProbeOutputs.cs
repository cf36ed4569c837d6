namespace VirtCluster.Hosts;

/// <summary>
/// Raw outputs of the host commands behind the facts libvirt cannot give. Null means the command or file
/// was not available (tool not installed, no such device); an empty string means it ran and printed nothing.
/// </summary>
/// <param name="KernelCmdline"><c>cat /proc/cmdline</c></param>
/// <param name="IommuGroups"><c>ls /sys/kernel/iommu_groups</c></param>
/// <param name="VirtHostValidate"><c>virt-host-validate qemu</c></param>
/// <param name="FwVer"><c>grep -H . /sys/class/infiniband/*/fw_ver</c></param>
/// <param name="IbvDevinfo"><c>ibv_devinfo</c></param>
/// <param name="MstflintQuery"><c>mstflint -d BDF query</c></param>
/// <param name="CpuinfoFlags"><c>grep -m1 -w flags /proc/cpuinfo</c></param>
/// <param name="Lsmod"><c>lsmod</c></param>
/// <param name="MstflintDevice">The PCI address mstflint was asked about.</param>
public sealed record ProbeOutputs(
    string? KernelCmdline,
    string? IommuGroups,
    string? VirtHostValidate,
    string? FwVer,
    string? IbvDevinfo,
    string? MstflintQuery,
    string? CpuinfoFlags,
    string? Lsmod,
    string? MstflintDevice);
