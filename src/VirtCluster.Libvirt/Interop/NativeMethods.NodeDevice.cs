using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

internal static partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint virNodeDeviceLookupByName(ConnectHandle conn, string name);

    /// <summary>The caller frees each device and, with free(), the array.</summary>
    [LibraryImport(Library)]
    internal static unsafe partial int virConnectListAllNodeDevices(ConnectHandle conn, nint** devices, uint flags);

    [LibraryImport(Library)]
    internal static partial int virNodeDeviceFree(nint device);

    /// <summary>Borrowed from the device object: never free it.</summary>
    [LibraryImport(Library)]
    internal static partial nint virNodeDeviceGetName(NodeDeviceHandle device);

    /// <summary>Returns a string the caller frees.</summary>
    [LibraryImport(Library)]
    internal static partial nint virNodeDeviceGetXMLDesc(NodeDeviceHandle device, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int virNodeDeviceDetachFlags(NodeDeviceHandle device, string? driverName, uint flags);

    [LibraryImport(Library)]
    internal static partial int virNodeDeviceReAttach(NodeDeviceHandle device);
}
