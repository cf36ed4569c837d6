using VirtCluster.Hosts;
using VirtCluster.Planning;

namespace VirtCluster.Domains;

/// <summary>
/// The typed model of one libvirt domain. Only <see cref="DomainXml"/> turns it into XML, so no user string
/// is ever pasted into markup.
/// </summary>
/// <param name="Name">Domain name.</param>
/// <param name="Flavour">Hypervisor flavour: decides the domain type, OS type and device buses.</param>
/// <param name="Vcpus">Number of vCPUs.</param>
/// <param name="MemoryBytes">Guest memory.</param>
/// <param name="CpuMode">libvirt CPU mode, null for none (Xen PV).</param>
/// <param name="Topology">Guest CPU topology, null for none.</param>
/// <param name="NumaCells">Guest NUMA cells.</param>
/// <param name="BindMemoryToCells">Emit numatune binding guest cells to host cells.</param>
/// <param name="VcpuPins">vcpupin entries.</param>
/// <param name="EmulatorPin">emulatorpin CPUs.</param>
/// <param name="HugePageSizeKiB">Hugepage backing.</param>
/// <param name="Kernel">Direct kernel boot.</param>
/// <param name="DiskPath">The qcow2 overlay the guest boots from, null for none.</param>
/// <param name="Nics">Network interfaces.</param>
/// <param name="SerialLogPath">Serial console log file, null for none.</param>
/// <param name="GuestAgent">Add the qemu guest agent channel (kvm/TCG).</param>
/// <param name="Rng">Add a virtio-rng device fed from the host (kvm/TCG): guests otherwise stall generating keys at first boot.</param>
/// <param name="Hostdevs">PCI devices passed through as managed hostdevs.</param>
public sealed record DomainDefinition(
    string Name,
    DomainFlavour Flavour,
    int Vcpus,
    long MemoryBytes,
    string? CpuMode,
    GuestCpuTopology? Topology,
    IReadOnlyList<GuestNumaCell> NumaCells,
    bool BindMemoryToCells,
    IReadOnlyList<VcpuPin> VcpuPins,
    IReadOnlyList<int>? EmulatorPin,
    long? HugePageSizeKiB,
    KernelBoot? Kernel,
    string? DiskPath,
    IReadOnlyList<NicAttachment> Nics,
    string? SerialLogPath,
    bool GuestAgent,
    bool Rng,
    IReadOnlyList<PciAddress> Hostdevs)
{
    /// <summary>The domain for a planned node; agent channel and rng where the flavour supports them (qemu driver).</summary>
    public static DomainDefinition FromPlan(NodePlan plan, NodeMachine machine)
    {
        var qemu = plan.Flavour is DomainFlavour.Kvm or DomainFlavour.Tcg;
        return new DomainDefinition(
            plan.NodeName,
            plan.Flavour,
            plan.Vcpus,
            plan.MemoryBytes,
            plan.CpuMode,
            plan.Topology,
            plan.NumaCells,
            plan.BindMemoryToCells,
            plan.VcpuPins,
            plan.EmulatorPin,
            plan.HugePageSizeKiB,
            machine.Kernel,
            machine.OverlayPath,
            [new NicAttachment(machine.Network, machine.Mac)],
            machine.SerialLogPath,
            GuestAgent: qemu,
            Rng: qemu,
            plan.Hostdev is { } hca ? [hca] : []);
    }
}
