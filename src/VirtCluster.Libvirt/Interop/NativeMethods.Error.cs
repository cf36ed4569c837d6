using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

internal static partial class NativeMethods
{
    /// <summary>Borrowed, thread-local; valid until the next libvirt call on this thread.</summary>
    [LibraryImport(Library)]
    internal static partial nint virGetLastError();

    [LibraryImport(Library)]
    internal static partial void virResetLastError();

    /// <summary>handler is a <c>void (*)(void *userData, virErrorPtr error)</c>.</summary>
    [LibraryImport(Library)]
    internal static partial void virSetErrorFunc(nint userData, nint handler);
}
