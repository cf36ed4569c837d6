using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

internal static partial class NativeMethods
{
    /// <summary>conn is borrowed from a live child handle (see LibvirtChildHandle.UseConnection).</summary>
    [LibraryImport(Library)]
    internal static partial nint virStreamNew(nint conn, uint flags);

    /// <summary>Returns the number of bytes accepted, which may be fewer than offered.</summary>
    [LibraryImport(Library)]
    internal static unsafe partial int virStreamSend(StreamHandle stream, byte* data, nuint nbytes);

    [LibraryImport(Library)]
    internal static partial int virStreamFinish(StreamHandle stream);

    [LibraryImport(Library)]
    internal static partial int virStreamAbort(StreamHandle stream);

    [LibraryImport(Library)]
    internal static partial int virStreamFree(nint stream);
}
