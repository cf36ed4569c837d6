using VirtCluster.Config;
using VirtCluster.Hosts;

namespace VirtCluster.Planning;

/// <summary>
/// Turns the stack's policy and one host's facts into node plans. Pure: the same inputs always give the same
/// plan, and anything the host cannot carry is a <see cref="PlanningException"/> naming the host.
/// </summary>
public static class NodePlanner
{
    /// <summary>Plans every node the host carries (one, or <see cref="LabSpec.Nodes"/> in lab mode).</summary>
    public static IReadOnlyList<NodePlan> PlanHost(ClusterSpec spec, HostFacts facts) =>
        [.. Enumerable.Range(0, spec.NodesPerHost).Select(k => Plan(spec, facts, k))];

    /// <summary>Domain name of node <paramref name="index"/> on a host: the stack in it keeps stacks sharing a host apart.</summary>
    public static string NodeName(ClusterSpec spec, string hostName, int index) =>
        spec.NodesPerHost == 1 ? $"{spec.Stack}-{hostName}" : $"{spec.Stack}-{hostName}-{index}";

    public static NodePlan Plan(ClusterSpec spec, HostFacts facts, int index) => Plan(spec, facts, index, checkHugePages: true);

    /// <summary>Preflight plans without the hugepage check to report the shortfall per cell itself.</summary>
    internal static NodePlan Plan(ClusterSpec spec, HostFacts facts, int index, bool checkHugePages)
    {
        var host = facts.HostName;
        var decision = HypervisorSelector.Select(spec.Hypervisor, facts);
        var notes = new List<string>();
        if (decision.Note is not null)
        {
            notes.Add(decision.Note);
        }

        var cpus = facts.Capabilities.CpusInTopologyOrder;
        var vcpus = NodeSizingRules.Vcpus(spec, facts);
        if (vcpus > cpus.Count)
        {
            throw new PlanningException(host, $"{vcpus} vCPUs asked but the host has {cpus.Count} CPUs; lower the node's vCPUs or leave them unset to use all host cores");
        }

        var memory = PlannedMemory(spec, facts);

        // vCPU i of node k runs on the (k * vcpus + i)-th CPU in topology order, wrapping in lab mode.
        var placement = Enumerable.Range(0, vcpus).Select(i => cpus[((index * vcpus) + i) % cpus.Count]).ToList();
        var pins = Pins(spec.Pinning, placement, facts);
        var qemuDriver = decision.Flavour is DomainFlavour.Kvm or DomainFlavour.Tcg;
        var emulator = spec.Pinning == PinningPolicy.Strict && qemuDriver ? EmulatorPin(spec, facts, vcpus, notes) : null;
        if (spec.Pinning == PinningPolicy.Strict && !qemuDriver)
        {
            notes.Add("Xen runs the guest's device model in dom0, not in emulator threads libvirt can pin: keep dom0 off the guest's CPUs with dom0_vcpus_pin and dom0_max_vcpus");
        }

        var mirror = spec.NodesPerHost == 1 && facts.Cells.Count > 1 && decision.Flavour != DomainFlavour.XenPv;
        if (decision.Flavour == DomainFlavour.XenPv && facts.Cells.Count > 1)
        {
            notes.Add("Xen PV guests get no guest NUMA cells: the guest sees one flat memory");
        }

        var pageKiB = NodeSizingRules.HugePageSizeKiB(spec.Node.HugePages);
        var cells = mirror ? GuestCells(placement, facts, memory, pageKiB) : [];
        var bind = cells.Count > 0 && spec.Pinning != PinningPolicy.None;
        if (cells.Count > 0 && !bind)
        {
            notes.Add("pinning none: vCPUs float across host cells, so guest cell memory is not bound to host cells either");
        }

        if (checkHugePages && pageKiB is { } page && HugePageRules.Shortfalls(cells, memory, spec.NodesPerHost, facts, page) is { Count: > 0 } shortfalls)
        {
            throw new PlanningException(host, $"not enough free hugepages: {string.Join("; ", shortfalls)}; reserve them (vm.nr_hugepages or /sys/devices/system/node/nodeN/hugepages) or set hugepages to none");
        }

        return new NodePlan(
            NodeName(spec, host, index),
            host,
            index,
            decision.Flavour,
            vcpus,
            Topology(decision.Flavour, facts, vcpus, spec.NodesPerHost),
            decision.Flavour switch { DomainFlavour.Tcg => "maximum", DomainFlavour.XenPv => null, _ => "host-passthrough" },
            spec.Pinning,
            pins,
            emulator,
            cells,
            bind,
            memory,
            pageKiB,
            spec.Io == IoMode.Passthrough ? HcaAddress(spec, facts) : null,
            notes);
    }

    private static long PlannedMemory(ClusterSpec spec, HostFacts facts)
    {
        var memory = NodeSizingRules.MemoryBytes(spec, facts);
        if (memory <= 0)
        {
            throw new PlanningException(facts.HostName, $"the host's {NodeSizingRules.Gib(facts.MemoryBytes)} minus the reserve of {NodeSizingRules.Gib(spec.Node.MemoryReserveBytes)} leaves no memory for a node; lower the reserve or give the node memory explicitly");
        }

        if (memory * spec.NodesPerHost > facts.MemoryBytes)
        {
            var what = spec.NodesPerHost == 1 ? "node memory" : $"{spec.NodesPerHost} nodes x";
            throw new PlanningException(facts.HostName, $"{what} {NodeSizingRules.Gib(memory)} is more than the host's {NodeSizingRules.Gib(facts.MemoryBytes)}; lower the node memory");
        }

        return memory;
    }

    private static List<VcpuPin> Pins(PinningPolicy policy, List<HostCpu> placement, HostFacts facts) => policy switch
    {
        PinningPolicy.Strict => [.. placement.Select((cpu, i) => new VcpuPin(i, [cpu.Id]))],
        PinningPolicy.Numa => [.. placement.Select((cpu, i) => new VcpuPin(i, CellOf(facts, cpu).Cpus.Select(c => c.Id).Order().ToList()))],
        _ => [],
    };

    /// <summary>
    /// Emulator threads go to CPUs no vCPU on this host uses, so they never preempt a pinned vCPU. When the
    /// vCPUs take every CPU (the paper's 8 on 8), pinning the emulator onto one CPU would steal time from that
    /// vCPU alone and skew MPI timings, so it may use the full set and the scheduler puts it where it is idle.
    /// </summary>
    private static List<int> EmulatorPin(ClusterSpec spec, HostFacts facts, int vcpus, List<string> notes)
    {
        var cpus = facts.Capabilities.CpusInTopologyOrder;
        var used = Enumerable.Range(0, vcpus * spec.NodesPerHost).Select(j => cpus[j % cpus.Count].Id).ToHashSet();
        var spare = cpus.Select(c => c.Id).Where(id => !used.Contains(id)).Order().ToList();
        if (spare.Count > 0)
        {
            notes.Add($"emulator threads pinned to spare host CPUs {CpuSet.Format(spare)}, away from the vCPUs");
            return spare;
        }

        notes.Add("no spare host CPU: emulator threads may run on any host CPU rather than steal time from one pinned vCPU");
        return [.. cpus.Select(c => c.Id).Order()];
    }

    private static List<GuestNumaCell> GuestCells(List<HostCpu> placement, HostFacts facts, long memory, long? pageKiB)
    {
        var groups = placement
            .Select((cpu, vcpu) => (Cell: CellOf(facts, cpu).Id, Vcpu: vcpu))
            .GroupBy(x => x.Cell)
            .ToList();
        var unit = (pageKiB ?? 1024) * 1024;
        var units = memory / unit;
        return [.. groups.Select((g, i) => new GuestNumaCell(
            i,
            g.Select(x => x.Vcpu).ToList(),
            ((units / groups.Count) + (i < units % groups.Count ? 1 : 0)) * unit,
            g.Key))];
    }

    private static GuestCpuTopology? Topology(DomainFlavour flavour, HostFacts facts, int vcpus, int nodesPerHost)
    {
        if (flavour == DomainFlavour.XenPv)
        {
            return null;
        }

        var mirrors = nodesPerHost == 1 && vcpus == facts.CpuCount && facts.Sockets * facts.CoresPerSocket * facts.ThreadsPerCore == vcpus;
        return mirrors ? new GuestCpuTopology(facts.Sockets, facts.CoresPerSocket, facts.ThreadsPerCore) : new GuestCpuTopology(1, vcpus, 1);
    }

    private static PciAddress HcaAddress(ClusterSpec spec, HostFacts facts) =>
        facts.Hca?.Address ?? throw new PlanningException(
            facts.HostName,
            $"io passthrough needs the HCA (PCI {HcaId(spec.Hca)}) but the host shows none; install it or set io to virtio");

    internal static string HcaId(HcaSpec hca) => hca.ProductId is { } p ? $"{hca.VendorId:x4}:{p:x4}" : $"vendor {hca.VendorId:x4}";

    private static NumaCell CellOf(HostFacts facts, HostCpu cpu) => facts.Cells.First(c => c.Cpus.Contains(cpu));
}
