using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

/// <summary>
/// Raw entry points of libvirt.so.0 (libvirt 9.0 ABI). Nothing here checks errors: callers go through
/// <see cref="LibvirtCall"/> so the thread-local libvirt error is read right after a failing call.
/// Pointers that libvirt returns are plain <see cref="nint"/> so that the caller decides, per function,
/// whether it owns them.
/// </summary>
internal static partial class NativeMethods
{
    internal const string Library = "libvirt.so.0";

    [LibraryImport(Library)]
    internal static partial int virInitialize();
}
