namespace VirtCluster.Libvirt.Tests.Storage;

public sealed class LibvirtStoragePoolTests
{
    [Fact]
    public void ADefinedDirPoolIsBuiltStartedRefreshedStoppedAndUndefined()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var name = TestHosts.UniqueName("pool");
        using var pool = connection.DefineStoragePool(TestHosts.DirPoolXml(name, "/pools/" + name));

        Assert.Equal(name, pool.Name);
        Assert.False(pool.IsActive());
        pool.Build();
        pool.Create();
        Assert.True(pool.IsActive());
        pool.Refresh();
        Assert.Contains(name, connection.ListAllStoragePools(StoragePoolListFlags.Active).Select(p => p.Name));
        Assert.Contains("/pools/" + name, pool.XmlDesc());

        pool.Destroy();
        Assert.False(pool.IsActive());
        pool.Undefine();
        Assert.Null(connection.TryLookupStoragePool(name));
    }

    [Fact]
    public void VolumesAreCreatedFoundListedAndDeleted()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var poolName = TestHosts.UniqueName("vols");
        using var pool = connection.CreateStoragePool(TestHosts.DirPoolXml(poolName, "/pools/" + poolName));
        using var volume = pool.CreateVolume(TestHosts.VolumeXml("base.img", 1 << 20));

        Assert.Equal("base.img", volume.Name);
        Assert.Equal($"/pools/{poolName}/base.img", volume.Path);
        Assert.Equal(volume.Path, volume.Key);
        Assert.Contains("<capacity unit='bytes'>1048576</capacity>", volume.XmlDesc());
        using (var found = pool.LookupVolume("base.img"))
        {
            Assert.Equal(volume.Key, found.Key);
        }

        var listed = pool.ListVolumes();
        Assert.Equal(["base.img"], listed.Select(v => v.Name));
        listed[0].Dispose();

        volume.Delete();
        Assert.Null(pool.TryLookupVolume("base.img"));
        Assert.Throws<LibvirtNotFoundException>(() => pool.LookupVolume("base.img"));
    }

    [Fact]
    public void LookingUpAMissingPoolThrowsNotFound()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);

        var error = Assert.Throws<LibvirtNotFoundException>(() => connection.LookupStoragePool("nope"));

        Assert.Equal(49, error.Code);
        Assert.Contains("'nope'", error.Message);
    }

    [Fact]
    public void InvalidPoolAndVolumeXmlThrowInvalidArgument()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var name = TestHosts.UniqueName("bad");
        using var pool = connection.CreateStoragePool(TestHosts.DirPoolXml(name, "/pools/" + name));

        Assert.Throws<LibvirtInvalidArgumentException>(() => connection.DefineStoragePool("<pool type='dir'>"));
        Assert.Throws<LibvirtInvalidArgumentException>(() => connection.CreateStoragePool("<pool/>"));
        Assert.Throws<LibvirtInvalidArgumentException>(() => pool.CreateVolume("<volume><name>x</name></volume>"));
    }

    [Fact]
    public void StartingAPoolTwiceIsAnInvalidOperation()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var name = TestHosts.UniqueName("twice");
        using var pool = connection.CreateStoragePool(TestHosts.DirPoolXml(name, "/pools/" + name));

        Assert.Throws<LibvirtOperationInvalidException>(pool.Create);
    }

    [Fact]
    public void UsingADisposedPoolThrowsObjectDisposed()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var name = TestHosts.UniqueName("disp");
        var pool = connection.CreateStoragePool(TestHosts.DirPoolXml(name, "/pools/" + name));
        pool.Dispose();
        pool.Dispose();

        Assert.Throws<ObjectDisposedException>(() => pool.Name);
        Assert.Throws<ObjectDisposedException>(pool.ListVolumes);
    }
}
