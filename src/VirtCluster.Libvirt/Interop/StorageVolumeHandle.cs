namespace VirtCluster.Libvirt.Interop;

/// <summary>Owns a virStorageVolPtr; released with virStorageVolFree.</summary>
internal sealed class StorageVolumeHandle : LibvirtChildHandle
{
    /// <summary>Takes ownership of a non-null pointer obtained from <paramref name="pool"/>, which it keeps alive.</summary>
    public static StorageVolumeHandle Adopt(nint pointer, StoragePoolHandle pool)
    {
        var result = new StorageVolumeHandle();
        result.Attach(pointer, pool);
        return result;
    }

    protected override int Free(nint pointer) => NativeMethods.virStorageVolFree(pointer);
}
