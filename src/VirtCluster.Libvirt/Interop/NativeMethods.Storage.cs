using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

internal static partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint virStoragePoolDefineXML(ConnectHandle conn, string xml, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint virStoragePoolCreateXML(ConnectHandle conn, string xml, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint virStoragePoolLookupByName(ConnectHandle conn, string name);

    /// <summary>The caller frees each pool and, with free(), the array.</summary>
    [LibraryImport(Library)]
    internal static unsafe partial int virConnectListAllStoragePools(ConnectHandle conn, nint** pools, uint flags);

    [LibraryImport(Library)]
    internal static partial int virStoragePoolFree(nint pool);

    /// <summary>Borrowed from the pool object: never free it.</summary>
    [LibraryImport(Library)]
    internal static partial nint virStoragePoolGetName(StoragePoolHandle pool);

    [LibraryImport(Library)]
    internal static partial int virStoragePoolCreate(StoragePoolHandle pool, uint flags);

    [LibraryImport(Library)]
    internal static partial int virStoragePoolBuild(StoragePoolHandle pool, uint flags);

    [LibraryImport(Library)]
    internal static partial int virStoragePoolDestroy(StoragePoolHandle pool);

    [LibraryImport(Library)]
    internal static partial int virStoragePoolUndefine(StoragePoolHandle pool);

    [LibraryImport(Library)]
    internal static partial int virStoragePoolRefresh(StoragePoolHandle pool, uint flags);

    /// <summary>Returns a string the caller frees.</summary>
    [LibraryImport(Library)]
    internal static partial nint virStoragePoolGetXMLDesc(StoragePoolHandle pool, uint flags);

    [LibraryImport(Library)]
    internal static partial int virStoragePoolIsActive(StoragePoolHandle pool);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint virStorageVolCreateXML(StoragePoolHandle pool, string xml, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint virStorageVolLookupByName(StoragePoolHandle pool, string name);

    /// <summary>The caller frees each volume and, with free(), the array.</summary>
    [LibraryImport(Library)]
    internal static unsafe partial int virStoragePoolListAllVolumes(StoragePoolHandle pool, nint** vols, uint flags);

    [LibraryImport(Library)]
    internal static partial int virStorageVolFree(nint vol);

    /// <summary>Borrowed from the volume object: never free it.</summary>
    [LibraryImport(Library)]
    internal static partial nint virStorageVolGetName(StorageVolumeHandle vol);

    /// <summary>Borrowed from the volume object: never free it.</summary>
    [LibraryImport(Library)]
    internal static partial nint virStorageVolGetKey(StorageVolumeHandle vol);

    /// <summary>Returns a string the caller frees.</summary>
    [LibraryImport(Library)]
    internal static partial nint virStorageVolGetPath(StorageVolumeHandle vol);

    /// <summary>Returns a string the caller frees.</summary>
    [LibraryImport(Library)]
    internal static partial nint virStorageVolGetXMLDesc(StorageVolumeHandle vol, uint flags);

    [LibraryImport(Library)]
    internal static partial int virStorageVolDelete(StorageVolumeHandle vol, uint flags);

    [LibraryImport(Library)]
    internal static partial int virStorageVolUpload(
        StorageVolumeHandle vol, StreamHandle stream, ulong offset, ulong length, uint flags);
}
