using System.Net;
using System.Xml.Linq;
using VirtCluster.Domains;
using VirtCluster.Libvirt;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Domains;

public sealed class NetworkAndStorageXmlTests
{
    private static NetworkDefinition ClusterNetwork()
    {
        var subnet = Ipv4Subnet.Parse("10.77.0.0/24");
        return new NetworkDefinition(
            "agc16-net",
            "vc-agc16",
            subnet,
            [.. Enumerable.Range(1, 16).Select(i => new DhcpHost(MacAddress.Derive("agc16-sim", $"agc16-sim-agc{i:00}"), $"agc16-sim-agc{i:00}", subnet.Host(10 + i)))]);
    }

    [Fact]
    public void ClusterNetworkIsIsolatedWithFixedReservations()
    {
        var root = XDocument.Parse(NetworkXml.Write(ClusterNetwork())).Root!;

        Assert.Null(root.Element("forward"));
        Assert.Equal("vc-agc16", root.Element("bridge")!.Attribute("name")?.Value);
        var ip = root.Element("ip")!;
        Assert.Equal(("10.77.0.1", "255.255.255.0"), (ip.Attribute("address")?.Value, ip.Attribute("netmask")?.Value));
        var hosts = ip.Element("dhcp")!.Elements("host").ToList();
        Assert.Equal(16, hosts.Count);
        Assert.Equal("10.77.0.11", hosts[0].Attribute("ip")?.Value);
        // The first three bytes of SHA-256("agc16-sim/agc16-sim-agc01") are d8 87 e0.
        Assert.Equal(("agc16-sim-agc01", "52:54:00:d8:87:e0"), (hosts[0].Attribute("name")?.Value, hosts[0].Attribute("mac")?.Value));
    }

    [Fact]
    public void ClusterNetworkPassesTheSchemaAndStartsOnTheTestDriver()
    {
        var xml = NetworkXml.Write(ClusterNetwork());
        Virsh.AssertValid(xml, "network");
        using var connection = LibvirtConnection.Open("test:///default");
        using var network = connection.DefineNetwork(xml);

        network.Create();

        Assert.Equal("agc16-net", network.Name);
        network.Destroy();
        network.Undefine();
    }

    [Fact]
    public void AReservationOutsideTheSubnetIsRefused()
    {
        var net = ClusterNetwork() with { Hosts = [new DhcpHost(MacAddress.Derive("s", "n"), "n", IPAddress.Parse("10.78.0.5"))] };

        Assert.Contains("10.78.0.5 is not a free host address of 10.77.0.0/24", Assert.Throws<ArgumentException>(() => NetworkXml.Write(net)).Message);
    }

    [Fact]
    public void SubnetsAreNormalisedAndBounded()
    {
        var subnet = Ipv4Subnet.Parse("10.77.0.9/24");

        Assert.Equal("10.77.0.0/24", subnet.ToString());
        Assert.Equal(254, subnet.HostCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => subnet.Host(255));
        Assert.Throws<FormatException>(() => Ipv4Subnet.Parse("10.77.0.0"));
    }

    [Fact]
    public void DirPoolAndOverlayPassTheSchemaAndTheTestDriverCreatesTheOverlay()
    {
        var poolXml = StorageXml.DirPool("agc16-sim", "/var/lib/virtcluster/pools/agc16-sim");
        var volumeXml = StorageXml.Overlay("agc01.qcow2", 3L * 1024 * 1024 * 1024, "/var/lib/virtcluster/pools/agc16-sim/base.qcow2");
        Virsh.AssertValid(poolXml, "storagepool");
        Virsh.AssertValid(volumeXml, "storagevol");
        using var connection = LibvirtConnection.Open("test:///default");
        using var pool = connection.DefineStoragePool(poolXml);
        pool.Create();

        using var volume = pool.CreateVolume(volumeXml);

        Assert.Equal("agc01.qcow2", volume.Name);
        volume.Delete();
        pool.Destroy();
        pool.Undefine();
    }

    [Fact]
    public void OverlayNamesTheBackingImageAndItsFormat()
    {
        var root = XDocument.Parse(StorageXml.Overlay("n.qcow2", 1024, "/images/base.raw", "raw")).Root!;

        Assert.Equal("/images/base.raw", root.Element("backingStore")!.Element("path")!.Value);
        Assert.Equal("raw", root.Element("backingStore")!.Element("format")!.Attribute("type")?.Value);
        Assert.Equal("qcow2", root.Element("target")!.Element("format")!.Attribute("type")?.Value);
    }
}
