using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt.Tests.Interop;

[Collection(GlobalStateCollection.Name)]
public sealed class LibvirtHandleCounterTests
{
    [Fact]
    public void DisposingEverythingReturnsTheLiveHandleCountToItsStart()
    {
        var start = LibvirtHandleCounter.Live;

        using (var connection = LibvirtConnection.Open(TestHosts.DellM610Uri))
        {
            var poolName = TestHosts.UniqueName("leak");
            var network = TestHosts.UniqueName("leak");
            using var net = connection.CreateNetwork(TestHosts.IsolatedNetworkXml(network));
            using var domain = connection.DefineDomain(
                TestHosts.DomainXml(TestHosts.UniqueName("leak"), cputune: "<cputune><vcpupin vcpu='0' cpuset='1'/></cputune>", network: network));
            domain.Create();
            _ = domain.VcpuPinInfo();
            _ = domain.InterfaceAddresses(InterfaceAddressSource.Lease);
            using var pool = connection.CreateStoragePool(TestHosts.DirPoolXml(poolName, "/pools/" + poolName));
            using var volume = pool.CreateVolume(TestHosts.VolumeXml("disk.img", 4096));
            Assert.Throws<LibvirtUnsupportedException>(() => volume.Upload(new MemoryStream(new byte[16]), 16));
            Assert.Null(connection.TryLookupDomain("missing"));
            Assert.Throws<LibvirtInvalidArgumentException>(() => connection.DefineDomain("<domain"));
            DisposeAll(connection.ListAllDomains());
            DisposeAll(connection.ListAllNetworks());
            DisposeAll(connection.ListAllStoragePools());
            DisposeAll(connection.ListAllNodeDevices());
            DisposeAll(pool.ListVolumes());

            Assert.True(LibvirtHandleCounter.Live > start);
            domain.Destroy();
            domain.Undefine();
        }

        Assert.Throws<LibvirtConnectionException>(() => LibvirtConnection.Open("bogus:///x"));
        Assert.Equal(start, LibvirtHandleCounter.Live);
    }

    [Fact]
    public void AChildKeepsItsConnectionOpenAfterTheConnectionObjectIsDisposed()
    {
        var start = LibvirtHandleCounter.Live;
        var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var device = connection.LookupNodeDevice("pci_0000_05_00_0");
        var domain = connection.DefineDomain(
            TestHosts.DomainXml(TestHosts.UniqueName("orphan"), cputune: "<cputune><vcpupin vcpu='0' cpuset='1'/></cputune>"));

        connection.Dispose();

        Assert.Throws<ObjectDisposedException>(() => connection.NodeInfo());
        Assert.Contains("0x673c", device.XmlDesc());
        Assert.Equal([1], domain.VcpuPinInfo()[0].HostCpus);
        Assert.Equal(start + 3, LibvirtHandleCounter.Live);

        device.Dispose();
        Assert.Equal(start + 2, LibvirtHandleCounter.Live);
        domain.Dispose();
        Assert.Equal(start, LibvirtHandleCounter.Live);
    }

    [Fact]
    public void AVolumeStillUploadsThroughItsStreamAfterItsConnectionObjectIsDisposed()
    {
        var start = LibvirtHandleCounter.Live;
        var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var poolName = TestHosts.UniqueName("orph");
        var pool = connection.CreateStoragePool(TestHosts.DirPoolXml(poolName, "/pools/" + poolName));
        var volume = pool.CreateVolume(TestHosts.VolumeXml("disk.img", 4096));
        connection.Dispose();
        pool.Dispose();

        // The test driver has no upload; reaching its "not supported" error proves the stream was created.
        var error = Assert.Throws<LibvirtUnsupportedException>(() => volume.Upload(new MemoryStream(new byte[8]), 8));
        Assert.Contains("virStorageVolUpload", error.Message);

        volume.Dispose();
        Assert.Equal(start, LibvirtHandleCounter.Live);
    }

    private static void DisposeAll<T>(IEnumerable<T> items)
        where T : IDisposable
    {
        foreach (var item in items)
        {
            item.Dispose();
        }
    }
}
