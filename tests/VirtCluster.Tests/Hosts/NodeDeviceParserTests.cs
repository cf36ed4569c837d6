using VirtCluster.Hosts;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Hosts;

public sealed class NodeDeviceParserTests
{
    [Fact]
    public void HcaNodeDeviceGivesAddressIdsDriverAndIommuGroup()
    {
        var hca = NodeDeviceParser.ParsePci(HostSamples.Read(HostSamples.Updated, "nodedev-pci_0000_05_00_0.xml"));

        Assert.NotNull(hca);
        Assert.Equal("pci_0000_05_00_0", hca.Name);
        Assert.Equal(new PciAddress(0, 5, 0, 0), hca.Address);
        Assert.Equal((0x15b3, 0x673c), (hca.VendorId, hca.ProductId));
        Assert.Equal("mlx4_core", hca.Driver);
        Assert.Equal(13, hca.IommuGroup);
        Assert.Equal([PciAddress.Parse("0000:05:00.0")], hca.IommuGroupMembers);
        Assert.False(hca.IsBridge);
    }

    [Fact]
    public void RootPortIsRecognisedAsABridge()
    {
        var port = NodeDeviceParser.ParsePci(HostSamples.Read(HostSamples.Updated, "nodedev-pci_0000_00_07_0.xml"));

        Assert.True(port?.IsBridge);
    }

    [Fact]
    public void WithoutAnIommuTheDeviceHasNoGroup()
    {
        var hca = NodeDeviceParser.ParsePci(HostSamples.Read(HostSamples.IommuOff, "nodedev-pci_0000_05_00_0.xml"));

        Assert.Null(hca?.IommuGroup);
        Assert.Empty(hca!.IommuGroupMembers);
    }

    [Fact]
    public void NonPciDevicesAreSkipped()
    {
        const string xml = "<device><name>net_eth0_52_54_00_12_34_56</name><capability type='net'><interface>eth0</interface></capability></device>";

        Assert.Null(NodeDeviceParser.ParsePci(xml));
    }

    [Fact]
    public void TestDriverNodeDevicesParse()
    {
        // The default test driver describes no PCI device; its XML must still parse without error.
        var xml = Virsh.TestDriver("test:///default", "nodedev-dumpxml computer");

        Assert.Null(NodeDeviceParser.ParsePci(xml));
    }
}
