using System.Xml.Linq;

namespace VirtCluster.Libvirt.Tests.NodeDevices;

public sealed class LibvirtNodeDeviceTests
{
    private const string Hca = "pci_0000_05_00_0";

    [Fact]
    public void TheDellHostListsTheConnectXHcaAmongItsDevices()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);

        var devices = connection.ListAllNodeDevices();
        var names = devices.Select(d => d.Name).ToList();
        foreach (var device in devices)
        {
            device.Dispose();
        }

        Assert.Equal(["computer", "pci_0000_00_07_0", Hca], names.Order());
    }

    [Fact]
    public void TheHcaXmlCarriesItsPciIdentityAndIommuGroup()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        using var hca = connection.LookupNodeDevice(Hca);

        var pci = XElement.Parse(hca.XmlDesc()).Element("capability")!;

        Assert.Equal("0x15b3", pci.Element("vendor")!.Attribute("id")!.Value);
        Assert.Equal("0x673c", pci.Element("product")!.Attribute("id")!.Value);
        Assert.Equal("5", pci.Element("bus")!.Value);
        var member = Assert.Single(pci.Element("iommuGroup")!.Elements("address"));
        Assert.Equal("0x05", member.Attribute("bus")!.Value);
    }

    [Fact]
    public void LookingUpAMissingDeviceThrowsNotFound()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);

        var error = Assert.Throws<LibvirtNotFoundException>(() => connection.LookupNodeDevice("pci_0000_ff_00_0"));

        Assert.Equal(53, error.Code);
        Assert.Contains("pci_0000_ff_00_0", error.Message);
        Assert.Null(connection.TryLookupNodeDevice("pci_0000_ff_00_0"));
    }

    [Fact]
    public void DetachAndReattachAreUnsupportedByTheTestDriver()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        using var hca = connection.LookupNodeDevice(Hca);

        var detach = Assert.Throws<LibvirtUnsupportedException>(() => hca.Detach("vfio"));
        var reattach = Assert.Throws<LibvirtUnsupportedException>(hca.Reattach);

        Assert.Contains("not supported", detach.Message);
        Assert.Contains("not supported", reattach.Message);
    }

    [Fact]
    public void UsingADisposedDeviceThrowsObjectDisposed()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var hca = connection.LookupNodeDevice(Hca);
        hca.Dispose();
        hca.Dispose();

        Assert.Throws<ObjectDisposedException>(() => hca.Name);
        Assert.Throws<ObjectDisposedException>(hca.XmlDesc);
    }
}
