using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt;

/// <summary>A storage volume reference; disposing it frees the reference, not the volume.</summary>
public sealed partial class LibvirtStorageVolume : IDisposable
{
    private readonly StorageVolumeHandle handle;
    private volatile bool disposed;

    internal LibvirtStorageVolume(StorageVolumeHandle handle) => this.handle = handle;

    public string Name => LibvirtCall.BorrowedString(NativeMethods.virStorageVolGetName(Handle));

    /// <summary>The volume's path on the host, as domain disk XML refers to it.</summary>
    public string Path => LibvirtCall.OwnedString(NativeMethods.virStorageVolGetPath(Handle));

    /// <summary>libvirt's unique key for the volume (usually its path).</summary>
    public string Key => LibvirtCall.BorrowedString(NativeMethods.virStorageVolGetKey(Handle));

    private StorageVolumeHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return handle;
        }
    }

    public string XmlDesc() => LibvirtCall.OwnedString(NativeMethods.virStorageVolGetXMLDesc(Handle, 0));

    /// <summary>Deletes the volume and its data.</summary>
    public void Delete() => LibvirtCall.Check(NativeMethods.virStorageVolDelete(Handle, 0));

    /// <summary>Frees this reference (the object itself stays); calling it again does nothing.</summary>
    public void Dispose()
    {
        disposed = true;
        handle.Dispose();
    }
}
