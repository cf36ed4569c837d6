using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

internal static partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint virNetworkDefineXML(ConnectHandle conn, string xml);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint virNetworkCreateXML(ConnectHandle conn, string xml);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint virNetworkLookupByName(ConnectHandle conn, string name);

    /// <summary>The caller frees each network and, with free(), the array.</summary>
    [LibraryImport(Library)]
    internal static unsafe partial int virConnectListAllNetworks(ConnectHandle conn, nint** nets, uint flags);

    [LibraryImport(Library)]
    internal static partial int virNetworkFree(nint network);

    /// <summary>Borrowed from the network object: never free it.</summary>
    [LibraryImport(Library)]
    internal static partial nint virNetworkGetName(NetworkHandle network);

    [LibraryImport(Library)]
    internal static partial int virNetworkCreate(NetworkHandle network);

    [LibraryImport(Library)]
    internal static partial int virNetworkDestroy(NetworkHandle network);

    [LibraryImport(Library)]
    internal static partial int virNetworkUndefine(NetworkHandle network);

    /// <summary>Returns a string the caller frees.</summary>
    [LibraryImport(Library)]
    internal static partial nint virNetworkGetXMLDesc(NetworkHandle network, uint flags);

    [LibraryImport(Library)]
    internal static partial int virNetworkIsActive(NetworkHandle network);
}
