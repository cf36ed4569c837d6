using VirtCluster.Config;

namespace VirtCluster.Hosts;

/// <summary>
/// Combines the libvirt XML documents and the probe outputs of one host into <see cref="HostFacts"/>.
/// Pure: every input is text or an already parsed value, so the same code serves live and recorded hosts.
/// </summary>
public static class HostFactsBuilder
{
    /// <summary>Parses the libvirt documents and combines them with the probe outputs; parse errors name the host.</summary>
    public static HostFacts Build(string hostName, LibvirtDocuments libvirt, ProbeOutputs probe, HcaSpec hcaSpec)
    {
        try
        {
            return Build(
                hostName,
                CapabilitiesParser.Parse(libvirt.CapabilitiesXml),
                libvirt.DomainCapabilitiesXml is null ? null : DomainCapabilitiesParser.Parse(libvirt.DomainCapabilitiesXml),
                libvirt.PciDevices(),
                probe,
                hcaSpec);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{hostName}: {e.Message}", e);
        }
    }

    public static HostFacts Build(
        string hostName,
        HostCapabilities capabilities,
        DomainCapabilities? kvmCapabilities,
        IReadOnlyList<NodeDevice> pciDevices,
        ProbeOutputs probe,
        HcaSpec hcaSpec)
    {
        var flags = probe.CpuinfoFlags is null ? new HashSet<string>() : ProbeOutputParser.CpuFlags(probe.CpuinfoFlags);
        var validate = probe.VirtHostValidate is null ? [] : ProbeOutputParser.ValidateLines(probe.VirtHostValidate);
        var virtFlag = flags.Contains("vmx") ? "vmx" : flags.Contains("svm") ? "svm" : null;
        var iommu = new IommuState(
            probe.KernelCmdline is null ? null : ProbeOutputParser.IommuSwitch(probe.KernelCmdline),
            probe.IommuGroups is null ? 0 : ProbeOutputParser.IommuGroupCount(probe.IommuGroups),
            [.. validate.Where(l => l.Check.Contains("IOMMU", StringComparison.OrdinalIgnoreCase))]);
        var kvm = kvmCapabilities?.DomainType == "kvm" || capabilities.GuestDomainTypes.Contains("kvm");
        return new HostFacts(
            hostName,
            capabilities,
            virtFlag,
            kvm,
            kvmCapabilities?.VfioPassthrough ?? false,
            FindHca(pciDevices, hcaSpec),
            iommu,
            probe.Lsmod is not null && ProbeOutputParser.HasVfioPci(probe.Lsmod),
            FirmwareReadings(probe));
    }

    /// <summary>The first function of the first PCI device matching the HCA's vendor (and product, when given).</summary>
    public static HcaDevice? FindHca(IReadOnlyList<NodeDevice> pciDevices, HcaSpec spec)
    {
        var hca = pciDevices
            .Where(d => d.VendorId == spec.VendorId && (spec.ProductId is null || d.ProductId == spec.ProductId))
            .OrderBy(d => d.Address.Domain).ThenBy(d => d.Address.Bus).ThenBy(d => d.Address.Slot).ThenBy(d => d.Address.Function)
            .FirstOrDefault();
        if (hca is null)
        {
            return null;
        }

        var byAddress = pciDevices.GroupBy(d => d.Address).ToDictionary(g => g.Key, g => g.First());
        var peers = hca.IommuGroupMembers
            .Where(a => a != hca.Address)
            .Select(a => new IommuGroupPeer(a, byAddress.GetValueOrDefault(a)))
            .ToList();
        return new HcaDevice(hca, peers);
    }

    private static List<FirmwareReading> FirmwareReadings(ProbeOutputs probe)
    {
        var readings = new List<FirmwareReading>();
        if (probe.FwVer is not null)
        {
            readings.AddRange(FirmwareOutputParser.ParseSysfs(probe.FwVer));
        }

        if (probe.IbvDevinfo is not null)
        {
            readings.AddRange(FirmwareOutputParser.ParseIbvDevinfo(probe.IbvDevinfo));
        }

        if (probe.MstflintQuery is not null)
        {
            readings.AddRange(FirmwareOutputParser.ParseMstflintQuery(probe.MstflintQuery, probe.MstflintDevice ?? "hca"));
        }

        return readings;
    }
}
