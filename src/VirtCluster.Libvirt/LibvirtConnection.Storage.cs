using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt;

public sealed partial class LibvirtConnection
{
    /// <summary>Defines a persistent, inactive storage pool.</summary>
    public LibvirtStoragePool DefineStoragePool(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return AdoptPool(LibvirtCall.Check(NativeMethods.virStoragePoolDefineXML(Handle, xml, 0)));
    }

    /// <summary>Creates and starts a transient storage pool.</summary>
    public LibvirtStoragePool CreateStoragePool(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return AdoptPool(LibvirtCall.Check(NativeMethods.virStoragePoolCreateXML(Handle, xml, 0)));
    }

    /// <summary>Throws <see cref="LibvirtNotFoundException"/> when no pool has this name.</summary>
    public LibvirtStoragePool LookupStoragePool(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return AdoptPool(LibvirtCall.Check(NativeMethods.virStoragePoolLookupByName(Handle, name)));
    }

    public LibvirtStoragePool? TryLookupStoragePool(string name) => TryLookup(() => LookupStoragePool(name));

    public unsafe IReadOnlyList<LibvirtStoragePool> ListAllStoragePools(
        StoragePoolListFlags flags = StoragePoolListFlags.None)
    {
        nint* array;
        var count = LibvirtCall.Check(NativeMethods.virConnectListAllStoragePools(Handle, &array, (uint)flags));
        return LibvirtCall.AdoptArray(array, count, AdoptPool, NativeMethods.virStoragePoolFree);
    }

    private LibvirtStoragePool AdoptPool(nint pointer) => new(StoragePoolHandle.Adopt(pointer, handle));
}
