namespace VirtCluster.Libvirt.Tests.Storage;

public sealed class LibvirtStorageVolumeTests
{
    [Fact]
    public void UploadThroughTheTestDriverFailsAsUnsupportedAndLeavesTheVolumeUsable()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var poolName = TestHosts.UniqueName("up");
        using var pool = connection.CreateStoragePool(TestHosts.DirPoolXml(poolName, "/pools/" + poolName));
        using var volume = pool.CreateVolume(TestHosts.VolumeXml("disk.img", 4096));
        using var source = new MemoryStream(new byte[4096]);

        var error = Assert.Throws<LibvirtUnsupportedException>(() => volume.Upload(source, source.Length));

        Assert.Contains("virStorageVolUpload", error.Message);
        Assert.Equal(0, source.Position);
        volume.Delete();
    }

    [Fact]
    public void UploadRejectsANegativeLengthBeforeTouchingLibvirt()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var poolName = TestHosts.UniqueName("neg");
        using var pool = connection.CreateStoragePool(TestHosts.DirPoolXml(poolName, "/pools/" + poolName));
        using var volume = pool.CreateVolume(TestHosts.VolumeXml("disk.img", 4096));

        Assert.Throws<ArgumentOutOfRangeException>(() => volume.Upload(Stream.Null, -1));
    }

    [Fact]
    public void UsingADisposedVolumeThrowsObjectDisposed()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var poolName = TestHosts.UniqueName("dvol");
        using var pool = connection.CreateStoragePool(TestHosts.DirPoolXml(poolName, "/pools/" + poolName));
        var volume = pool.CreateVolume(TestHosts.VolumeXml("disk.img", 4096));
        volume.Dispose();
        volume.Dispose();

        Assert.Throws<ObjectDisposedException>(() => volume.Path);
        Assert.Throws<ObjectDisposedException>(() => volume.Upload(Stream.Null, 0));
        Assert.Throws<ObjectDisposedException>(volume.Delete);
    }
}
