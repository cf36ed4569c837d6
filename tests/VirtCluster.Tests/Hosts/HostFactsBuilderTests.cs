using VirtCluster.Config;
using VirtCluster.Hosts;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Hosts;

public sealed class HostFactsBuilderTests
{
    [Fact]
    public async Task PaperHostFactsComeFromTheRecording()
    {
        var facts = await HostSamples.RecordedAsync("agc01");

        Assert.Equal((2, 4, 1, 8), (facts.Sockets, facts.CoresPerSocket, facts.ThreadsPerCore, facts.CpuCount));
        Assert.Equal("vmx", facts.HardwareVirtualisationFlag);
        Assert.True(facts.KvmDomainType);
        Assert.True(facts.VfioAvailable);
        Assert.True(facts.Iommu.Enabled);
        Assert.Equal("intel_iommu=on", facts.Iommu.CmdlineSwitch);
        Assert.Equal(HostSamples.HcaAddress, facts.Hca?.Address);
        Assert.Equal(FirmwareVersion.Parse("2.7.80"), facts.HcaFirmwareVersion);
        Assert.Equal(["sysfs", "ibv_devinfo", "mstflint"], facts.HcaFirmware.Select(r => r.Source));
    }

    [Fact]
    public async Task ThePaperHostsHcaIsAloneInItsGroup()
    {
        var facts = await HostSamples.RecordedAsync("agc01");

        Assert.Equal(13, facts.Hca!.Device.IommuGroup);
        Assert.Empty(facts.Hca.OtherGroupMembers);
    }

    [Fact]
    public void GroupPeersAreMatchedToTheirNodeDevices()
    {
        var port = new NodeDevice("pci_0000_00_07_0", PciAddress.Parse("0000:00:07.0"), 0x8086, 0x340e, 0x060400, "pcieport", 14, []);
        var members = new[] { port.Address, HostSamples.HcaAddress, PciAddress.Parse("0000:05:00.1") };
        var hca = new NodeDevice("pci_0000_05_00_0", HostSamples.HcaAddress, 0x15b3, 0x673c, 0x0c0600, "mlx4_core", 14, members);

        var found = HostFactsBuilder.FindHca([port, hca], HostSamples.ConnectX);

        Assert.Equal([true, false], found!.OtherGroupMembers.Select(p => p.IsBridge));
        Assert.Same(port, found.OtherGroupMembers[0].Device);
        Assert.Null(found.OtherGroupMembers[1].Device);
    }

    [Fact]
    public async Task WithTheIommuOffThereAreNoGroupsAndNoVfio()
    {
        var facts = await HostSamples.RecordedAsync("agc05", HostSamples.IommuOff);

        Assert.False(facts.Iommu.Enabled);
        Assert.False(facts.VfioAvailable);
        Assert.Null(facts.Hca?.Device.IommuGroup);
        Assert.Contains("IOMMU appears to be disabled", facts.Iommu.Describe());
    }

    [Fact]
    public async Task AnotherVendorsDeviceIsNotTakenForTheHca()
    {
        var documents = LibvirtDocuments.FromRecording(HostSamples.Folder(HostSamples.Updated));
        var probe = await new RecordedHostProbe(HostSamples.Folder(HostSamples.Updated)).RunAsync(null, CancellationToken.None);

        var facts = HostFactsBuilder.Build("agc01", documents, probe, new HcaSpec(0x15b3, 0x1003));

        Assert.Null(facts.Hca);
    }

    [Fact]
    public void UnreadableCapabilitiesNameTheHost()
    {
        var documents = new LibvirtDocuments("<capabilities/>", null, []);
        var probe = new ProbeOutputs(null, null, null, null, null, null, null, null, null);

        var e = Assert.Throws<FormatException>(() => HostFactsBuilder.Build("agc07", documents, probe, HostSamples.ConnectX));

        Assert.StartsWith("agc07: capabilities XML", e.Message);
    }
}
