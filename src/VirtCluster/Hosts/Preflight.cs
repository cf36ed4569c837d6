using VirtCluster.Config;
using VirtCluster.Planning;

namespace VirtCluster.Hosts;

/// <summary>
/// Judges every host against the stack before anything is changed. Read-only and pure over the facts:
/// the same rules the planner applies, reported per check instead of thrown, so all problems show at once.
/// </summary>
public static class Preflight
{
    public static PreflightReport Run(ClusterSpec spec, IEnumerable<HostFacts> hosts) =>
        new([.. hosts.SelectMany(h => CheckHost(spec, h))]);

    public static IReadOnlyList<PreflightCheck> CheckHost(ClusterSpec spec, HostFacts facts)
    {
        var checks = new List<PreflightCheck> { Hypervisor(spec, facts) };
        if (facts.Transport is { } transport)
        {
            checks.Add(transport);
        }

        if (spec.Io == IoMode.Passthrough)
        {
            checks.Add(Iommu(facts));
            checks.Add(Vfio(facts));
            checks.Add(Hca(spec, facts));
            if (facts.Hca is { } hca)
            {
                checks.Add(Firmware(spec, facts, hca));
                checks.AddRange(IommuGroup(facts, hca));
            }
        }

        checks.Add(Vcpus(spec, facts));
        checks.Add(Memory(spec, facts));
        if (NodeSizingRules.HugePageSizeKiB(spec.Node.HugePages) is { } page)
        {
            checks.Add(HugePages(spec, facts, page));
        }

        return checks;
    }

    private static PreflightCheck Hypervisor(ClusterSpec spec, HostFacts facts)
    {
        const string Check = "hypervisor";
        var host = facts.HostName;
        var types = facts.Capabilities.GuestDomainTypes;
        var virt = facts.HardwareVirtualisationFlag;
        const string EnableVt = "enable VT-x/AMD-V in the firmware setup and load kvm_intel or kvm_amd";
        return spec.Hypervisor switch
        {
            HypervisorChoice.Auto when HypervisorSelector.KvmUsable(facts) => new(host, Check, Verdict.Pass, $"kvm usable ({virt}, domain type kvm)", null),
            HypervisorChoice.Auto => new(host, Check, Verdict.Warn, $"guests will run under TCG: {HypervisorSelector.WhyNotKvm(facts)}", $"{EnableVt} for kvm speed"),
            HypervisorChoice.Kvm when HypervisorSelector.KvmUsable(facts) => new(host, Check, Verdict.Pass, $"kvm usable ({virt}, domain type kvm)", null),
            HypervisorChoice.Kvm => new(host, Check, Verdict.Fail, $"kvm asked but {HypervisorSelector.WhyNotKvm(facts)}", $"{EnableVt}, or set hypervisor to auto or tcg"),
            HypervisorChoice.XenHvm when virt is not null && types.Contains("xen") => new(host, Check, Verdict.Pass, $"Xen HVM usable ({virt}, domain type xen)", null),
            HypervisorChoice.XenHvm => new(host, Check, Verdict.Fail, $"Xen HVM asked but {(virt is null ? "the CPU shows no vmx/svm flag" : "libvirt offers no xen domain type (is the URI xen:///system on a Xen dom0?)")}", "boot the host into Xen with VT enabled, or set hypervisor to xen-pv"),
            HypervisorChoice.XenPv when types.Contains("xen") => new(host, Check, Verdict.Pass, "Xen PV usable (domain type xen)", null),
            HypervisorChoice.XenPv => new(host, Check, Verdict.Fail, "Xen PV asked but libvirt offers no xen domain type", "boot the host into Xen and connect with xen:///system"),
            _ => new(host, Check, Verdict.Pass, "TCG asked (domain type qemu)", null),
        };
    }

    private static PreflightCheck Iommu(HostFacts facts)
    {
        var found = facts.Iommu.Describe();
        if (!facts.Iommu.Enabled)
        {
            return new(facts.HostName, "iommu", Verdict.Fail, $"IOMMU is off ({found})", "enable VT-d/AMD-Vi in the firmware setup, add intel_iommu=on (or amd_iommu=on) to GRUB_CMDLINE_LINUX, run update-grub and reboot before passthrough works");
        }

        return facts.Iommu.ValidateLines.Any(l => !l.Passed)
            ? new(facts.HostName, "iommu", Verdict.Warn, $"IOMMU groups exist but virt-host-validate complains ({found})", "check the kernel command line and firmware VT-d setting")
            : new(facts.HostName, "iommu", Verdict.Pass, $"IOMMU on ({found})", null);
    }

    private static PreflightCheck Vfio(HostFacts facts) => (facts.VfioPciModule, facts.VfioPassthrough) switch
    {
        (true, true) => new(facts.HostName, "vfio", Verdict.Pass, "vfio_pci loaded and libvirt offers the vfio PCI backend", null),
        (false, _) => new(facts.HostName, "vfio", Verdict.Fail, "the vfio_pci module is not loaded", "run modprobe vfio-pci and add vfio-pci to /etc/modules"),
        _ => new(facts.HostName, "vfio", Verdict.Fail, "libvirt's domain capabilities list no vfio PCI backend for kvm", "libvirt offers vfio once the IOMMU is on and vfio-pci is loaded; fix those and restart libvirtd"),
    };

    private static PreflightCheck Hca(ClusterSpec spec, HostFacts facts) => facts.Hca is { } hca
        ? new(facts.HostName, "hca", Verdict.Pass, $"HCA {hca.NodeDeviceName} ({hca.Device.VendorId:x4}:{hca.Device.ProductId:x4}) at {hca.Address}, driver {hca.Device.Driver ?? "none"}", null)
        : new(facts.HostName, "hca", Verdict.Fail, $"no PCI device {NodePlanner.HcaId(spec.Hca)} among libvirt's node devices", "install the HCA, or set io to virtio");

    private static PreflightCheck Firmware(ClusterSpec spec, HostFacts facts, HcaDevice hca)
    {
        var minimum = spec.FirmwareMinimum;
        if (facts.HcaFirmwareVersion is not { } version)
        {
            return new(facts.HostName, "hca-firmware", Verdict.Warn, "HCA firmware version unknown (no fw_ver, ibv_devinfo or mstflint output)", $"install ibverbs-utils or mstflint so the version can be checked against {minimum}");
        }

        var sources = string.Join(", ", facts.HcaFirmware.Select(r => $"{r.Source} {r.Version}").Distinct());
        return version < minimum
            ? new(facts.HostName, "hca-firmware", Verdict.Fail, $"HCA firmware {version} is older than the minimum {minimum} ({sources})", $"update it (mstflint -d {hca.Address} -i fw.bin burn) before passthrough works")
            : new(facts.HostName, "hca-firmware", Verdict.Pass, $"HCA firmware {version} >= {minimum} ({sources})", null);
    }

    private static IEnumerable<PreflightCheck> IommuGroup(HostFacts facts, HcaDevice hca)
    {
        if (hca.Device.IommuGroup is not { } group)
        {
            // Without an IOMMU there are no groups; the iommu check already fails with the fix.
            yield break;
        }

        var blocking = hca.OtherGroupMembers.Where(p => p.Device is not null && !p.IsBridge).ToList();
        var unknown = hca.OtherGroupMembers.Where(p => p.Device is null).ToList();
        if (blocking.Count > 0)
        {
            yield return new(facts.HostName, "iommu-group", Verdict.Fail, $"IOMMU group {group} also holds {string.Join(", ", blocking.Select(p => p.Describe()))}", "VFIO assigns whole groups: move the HCA to a slot with its own group, or enable ACS in the firmware setup");
        }
        else if (unknown.Count > 0)
        {
            yield return new(facts.HostName, "iommu-group", Verdict.Warn, $"IOMMU group {group} also holds {string.Join(", ", unknown.Select(p => p.Address))}, which libvirt does not describe", "check with ls /sys/kernel/iommu_groups/N/devices that they are bridges");
        }
        else
        {
            var peers = hca.OtherGroupMembers.Count == 0 ? "the HCA alone" : $"the HCA and bridges {string.Join(", ", hca.OtherGroupMembers.Select(p => p.Address))}";
            yield return new(facts.HostName, "iommu-group", Verdict.Pass, $"IOMMU group {group} holds {peers}", null);
        }
    }

    private static PreflightCheck Vcpus(ClusterSpec spec, HostFacts facts)
    {
        var vcpus = NodeSizingRules.Vcpus(spec, facts);
        var total = vcpus * spec.NodesPerHost;
        if (vcpus > facts.CpuCount)
        {
            return new(facts.HostName, "vcpus", Verdict.Fail, $"{vcpus} vCPUs per node but the host has {facts.CpuCount} CPUs", "lower the node's vCPUs, or leave them unset to use all host cores");
        }

        return total > facts.CpuCount
            ? new(facts.HostName, "vcpus", Verdict.Warn, $"{spec.NodesPerHost} nodes x {vcpus} vCPUs share {facts.CpuCount} host CPUs", "fewer nodes or vCPUs avoid overcommitting the CPUs")
            : new(facts.HostName, "vcpus", Verdict.Pass, $"{total} vCPUs on {facts.CpuCount} host CPUs", null);
    }

    private static PreflightCheck Memory(ClusterSpec spec, HostFacts facts)
    {
        var memory = NodeSizingRules.MemoryBytes(spec, facts);
        var total = memory * spec.NodesPerHost;
        var host = NodeSizingRules.Gib(facts.MemoryBytes);
        if (memory <= 0)
        {
            return new(facts.HostName, "memory", Verdict.Fail, $"the host's {host} minus the reserve {NodeSizingRules.Gib(spec.Node.MemoryReserveBytes)} leaves nothing for a node", "lower the reserve or give the node memory explicitly");
        }

        return total > facts.MemoryBytes
            ? new(facts.HostName, "memory", Verdict.Fail, $"{NodeSizingRules.Gib(total)} of node memory is more than the host's {host}", "lower the node memory")
            : new(facts.HostName, "memory", Verdict.Pass, $"{NodeSizingRules.Gib(total)} of node memory fits in {host}", null);
    }

    private static PreflightCheck HugePages(ClusterSpec spec, HostFacts facts, long pageKiB)
    {
        IReadOnlyList<HugePageShortfall> shortfalls;
        try
        {
            var plan = NodePlanner.Plan(spec, facts, 0, checkHugePages: false);
            shortfalls = HugePageRules.Shortfalls(plan.NumaCells, plan.MemoryBytes, spec.NodesPerHost, facts, pageKiB);
        }
        catch (PlanningException e)
        {
            return new(facts.HostName, "hugepages", Verdict.Fail, $"hugepages cannot be checked: {e.Message}", "fix the problems above first");
        }

        return shortfalls.Count > 0
            ? new(facts.HostName, "hugepages", Verdict.Fail, $"not enough free hugepages: {string.Join("; ", shortfalls)}", "reserve them per node (/sys/devices/system/node/nodeN/hugepages/hugepages-SIZEkB/nr_hugepages) or set hugepages to none")
            : new(facts.HostName, "hugepages", Verdict.Pass, $"enough free {pageKiB / 1024} MiB hugepages in every cell", null);
    }
}
