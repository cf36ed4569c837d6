using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

internal static partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint virDomainDefineXMLFlags(ConnectHandle conn, string xml, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint virDomainLookupByName(ConnectHandle conn, string name);

    /// <summary>The caller frees each domain and, with free(), the array.</summary>
    [LibraryImport(Library)]
    internal static unsafe partial int virConnectListAllDomains(ConnectHandle conn, nint** domains, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainFree(nint domain);

    /// <summary>Borrowed from the domain object: never free it.</summary>
    [LibraryImport(Library)]
    internal static partial nint virDomainGetName(DomainHandle domain);

    /// <summary>buf must hold VIR_UUID_STRING_BUFLEN (37) bytes.</summary>
    [LibraryImport(Library)]
    internal static unsafe partial int virDomainGetUUIDString(DomainHandle domain, byte* buf);

    [LibraryImport(Library)]
    internal static partial uint virDomainGetID(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainCreate(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainShutdown(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainDestroy(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainUndefineFlags(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainGetState(DomainHandle domain, out int state, out int reason, uint flags);

    /// <summary>Returns a string the caller frees.</summary>
    [LibraryImport(Library)]
    internal static partial nint virDomainGetXMLDesc(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainGetVcpusFlags(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    internal static unsafe partial int virDomainGetVcpuPinInfo(
        DomainHandle domain, int ncpumaps, byte* cpumaps, int maplen, uint flags);

    [LibraryImport(Library)]
    internal static unsafe partial int virDomainGetEmulatorPinInfo(
        DomainHandle domain, byte* cpumap, int maplen, uint flags);

    /// <summary>The caller frees each entry with virDomainInterfaceFree and, with free(), the array.</summary>
    [LibraryImport(Library)]
    internal static unsafe partial int virDomainInterfaceAddresses(
        DomainHandle domain, VirDomainInterface*** ifaces, uint source, uint flags);

    [LibraryImport(Library)]
    internal static unsafe partial void virDomainInterfaceFree(VirDomainInterface* iface);

    [LibraryImport(Library)]
    internal static partial int virDomainSetAutostart(DomainHandle domain, int autostart);

    [LibraryImport(Library)]
    internal static partial int virDomainGetAutostart(DomainHandle domain, out int autostart);

    [LibraryImport(Library)]
    internal static partial int virDomainIsActive(DomainHandle domain);
}
