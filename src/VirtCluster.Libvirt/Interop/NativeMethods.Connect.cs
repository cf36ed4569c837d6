using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

internal static partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial int virEventRegisterDefaultImpl();

    /// <summary>Runs one iteration of the default event loop: waits for and dispatches the next events.</summary>
    [LibraryImport(Library)]
    internal static partial int virEventRunDefaultImpl();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint virConnectOpen(string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint virConnectOpenReadOnly(string name);

    /// <summary>Takes a raw pointer: only <see cref="ConnectHandle"/>'s release calls it.</summary>
    [LibraryImport(Library)]
    internal static partial int virConnectClose(nint conn);

    [LibraryImport(Library)]
    internal static partial int virConnectIsAlive(ConnectHandle conn);

    /// <summary>Returns a string the caller frees.</summary>
    [LibraryImport(Library)]
    internal static partial nint virConnectGetCapabilities(ConnectHandle conn);

    /// <summary>Returns a string the caller frees.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint virConnectGetDomainCapabilities(
        ConnectHandle conn, string? emulatorbin, string? arch, string? machine, string? virttype, uint flags);

    [LibraryImport(Library)]
    internal static partial int virNodeGetInfo(ConnectHandle conn, out VirNodeInfo info);

    /// <summary>With null map arguments it only counts the host CPUs. conn is borrowed from a live child.</summary>
    [LibraryImport(Library)]
    internal static partial int virNodeGetCPUMap(nint conn, nint cpumap, nint online, uint flags);

    [LibraryImport(Library)]
    internal static partial int virConnectGetLibVersion(ConnectHandle conn, out ulong libVer);

    [LibraryImport(Library)]
    internal static partial int virConnectGetVersion(ConnectHandle conn, out ulong hvVer);

    /// <summary>Returns a static string: never free it.</summary>
    [LibraryImport(Library)]
    internal static partial nint virConnectGetType(ConnectHandle conn);
}
