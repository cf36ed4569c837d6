using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt;

/// <summary>A storage pool reference; disposing it frees the reference, not the pool.</summary>
public sealed class LibvirtStoragePool : IDisposable
{
    private const uint XmlInactive = 1;

    private readonly StoragePoolHandle handle;
    private volatile bool disposed;

    internal LibvirtStoragePool(StoragePoolHandle handle) => this.handle = handle;

    public string Name => LibvirtCall.BorrowedString(NativeMethods.virStoragePoolGetName(Handle));

    private StoragePoolHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return handle;
        }
    }

    /// <summary>Starts (activates) a defined pool.</summary>
    public void Create() => LibvirtCall.Check(NativeMethods.virStoragePoolCreate(Handle, 0));

    /// <summary>Prepares the pool's backing storage (e.g. creates a dir pool's directory).</summary>
    public void Build(StoragePoolBuildFlags flags = StoragePoolBuildFlags.New) =>
        LibvirtCall.Check(NativeMethods.virStoragePoolBuild(Handle, (uint)flags));

    /// <summary>Deactivates the pool; its volumes stay on disk.</summary>
    public void Destroy() => LibvirtCall.Check(NativeMethods.virStoragePoolDestroy(Handle));

    public void Undefine() => LibvirtCall.Check(NativeMethods.virStoragePoolUndefine(Handle));

    /// <summary>Rescans the backing storage so volumes created outside libvirt appear.</summary>
    public void Refresh() => LibvirtCall.Check(NativeMethods.virStoragePoolRefresh(Handle, 0));

    public LibvirtStorageVolume CreateVolume(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return AdoptVolume(LibvirtCall.Check(NativeMethods.virStorageVolCreateXML(Handle, xml, 0)));
    }

    /// <summary>Throws <see cref="LibvirtNotFoundException"/> when the pool has no volume of this name.</summary>
    public LibvirtStorageVolume LookupVolume(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return AdoptVolume(LibvirtCall.Check(NativeMethods.virStorageVolLookupByName(Handle, name)));
    }

    public LibvirtStorageVolume? TryLookupVolume(string name)
    {
        try
        {
            return LookupVolume(name);
        }
        catch (LibvirtNotFoundException)
        {
            return null;
        }
    }

    public unsafe IReadOnlyList<LibvirtStorageVolume> ListVolumes()
    {
        nint* array;
        var count = LibvirtCall.Check(NativeMethods.virStoragePoolListAllVolumes(Handle, &array, 0));
        return LibvirtCall.AdoptArray(array, count, AdoptVolume, NativeMethods.virStorageVolFree);
    }

    /// <summary>The live XML, or with <paramref name="inactive"/> the persistent definition.</summary>
    public string XmlDesc(bool inactive = false) =>
        LibvirtCall.OwnedString(NativeMethods.virStoragePoolGetXMLDesc(Handle, inactive ? XmlInactive : 0));

    public bool IsActive() => LibvirtCall.CheckBool(NativeMethods.virStoragePoolIsActive(Handle));

    /// <summary>Frees this reference (the object itself stays); calling it again does nothing.</summary>
    public void Dispose()
    {
        disposed = true;
        handle.Dispose();
    }

    private LibvirtStorageVolume AdoptVolume(nint pointer) =>
        new(StorageVolumeHandle.Adopt(pointer, handle));
}
