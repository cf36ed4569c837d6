namespace VirtCluster.Libvirt.Interop;

/// <summary>Owns a virStoragePoolPtr; released with virStoragePoolFree.</summary>
internal sealed class StoragePoolHandle : LibvirtChildHandle
{
    /// <summary>Takes ownership of a non-null pointer obtained through <paramref name="connection"/>.</summary>
    public static StoragePoolHandle Adopt(nint pointer, ConnectHandle connection)
    {
        var result = new StoragePoolHandle();
        result.Attach(pointer, connection);
        return result;
    }

    protected override int Free(nint pointer) => NativeMethods.virStoragePoolFree(pointer);
}
