using VirtCluster.Config;

namespace VirtCluster.Hosts;

/// <summary>
/// Everything a host offers that preflight judges and planning builds on, gathered read-only from libvirt
/// and the shell probes. Immutable so refresh can compare two readings for drift.
/// </summary>
/// <param name="HostName">The stack's name for the host, used in every message.</param>
/// <param name="Capabilities">Topology, cells and memory from libvirt capabilities.</param>
/// <param name="HardwareVirtualisationFlag"><c>vmx</c> or <c>svm</c> from the CPU flags, null without hardware virtualisation.</param>
/// <param name="KvmDomainType">libvirt offers domain type kvm on this host.</param>
/// <param name="VfioPassthrough">Domain capabilities show PCI hostdevs with the vfio backend.</param>
/// <param name="Hca">The HCA matching the stack's vendor/product, null when the host has none.</param>
/// <param name="Iommu">Evidence whether the IOMMU is on.</param>
/// <param name="VfioPciModule">lsmod lists vfio_pci.</param>
/// <param name="HcaFirmware">Every firmware reading of the HCA, one per tool that answered.</param>
public sealed record HostFacts(
    string HostName,
    HostCapabilities Capabilities,
    string? HardwareVirtualisationFlag,
    bool KvmDomainType,
    bool VfioPassthrough,
    HcaDevice? Hca,
    IommuState Iommu,
    bool VfioPciModule,
    IReadOnlyList<FirmwareReading> HcaFirmware)
{
    /// <summary>What carries libvirt's SSH transport on the host, checked before libvirt was opened; null when the URI is not over SSH.</summary>
    public PreflightCheck? Transport { get; init; }

    public int Sockets => Capabilities.Sockets;

    public int CoresPerSocket => Capabilities.CoresPerSocket;

    public int ThreadsPerCore => Capabilities.ThreadsPerCore;

    public IReadOnlyList<NumaCell> Cells => Capabilities.Cells;

    public long MemoryBytes => Capabilities.MemoryBytes;

    public int CpuCount => Cells.Sum(c => c.Cpus.Count);

    public bool HardwareVirtualisation => HardwareVirtualisationFlag is not null;

    /// <summary>vfio-pci loaded and libvirt able to use it: both are needed to hand a device to a guest.</summary>
    public bool VfioAvailable => VfioPciModule && VfioPassthrough;

    /// <summary>The lowest version any tool reported: if the tools disagree the conservative answer decides.</summary>
    public FirmwareVersion? HcaFirmwareVersion => HcaFirmware.Count == 0 ? null : HcaFirmware.Min(r => r.Version);
}
