using VirtCluster.Config;
using VirtCluster.Hosts;

namespace VirtCluster.Planning;

/// <summary>
/// Everything decided about one VM before any XML is written: the single place where the stack's policy
/// meets a host's facts, so the domain XML is a plain translation of it.
/// </summary>
/// <param name="NodeName">The domain name, unique per stack.</param>
/// <param name="HostName">The host that carries the node.</param>
/// <param name="Index">The node's index on its host (0 unless in lab mode).</param>
/// <param name="Flavour">The hypervisor flavour.</param>
/// <param name="Vcpus">Number of vCPUs.</param>
/// <param name="Topology">Guest CPU topology; null for Xen PV, which has none.</param>
/// <param name="CpuMode"><c>host-passthrough</c> (kvm, Xen HVM), <c>maximum</c> (TCG), null for Xen PV.</param>
/// <param name="Pinning">The pinning policy the pins come from.</param>
/// <param name="VcpuPins">One entry per vCPU for strict and numa pinning, empty for none.</param>
/// <param name="EmulatorPin">Host CPUs for the emulator threads (strict pinning), otherwise null.</param>
/// <param name="NumaCells">Guest NUMA cells; empty when the guest has one flat memory.</param>
/// <param name="BindMemoryToCells">Emit numatune: memory of guest cell i is bound to its host cell.</param>
/// <param name="MemoryBytes">Guest memory.</param>
/// <param name="HugePageSizeKiB">Hugepage size backing the memory, null for normal pages.</param>
/// <param name="Hostdev">The HCA passed through (managed PCI hostdev), null for virtio I/O.</param>
/// <param name="Notes">Why the plan differs from a plain reading of the stack (flavour chosen, emulator placement).</param>
public sealed record NodePlan(
    string NodeName,
    string HostName,
    int Index,
    DomainFlavour Flavour,
    int Vcpus,
    GuestCpuTopology? Topology,
    string? CpuMode,
    PinningPolicy Pinning,
    IReadOnlyList<VcpuPin> VcpuPins,
    IReadOnlyList<int>? EmulatorPin,
    IReadOnlyList<GuestNumaCell> NumaCells,
    bool BindMemoryToCells,
    long MemoryBytes,
    long? HugePageSizeKiB,
    PciAddress? Hostdev,
    IReadOnlyList<string> Notes);
