namespace VirtCluster.Libvirt.Interop;

/// <summary>
/// Counts libvirt pointers owned by live handles, so tests can prove that disposing the public objects
/// frees every pointer the binding received.
/// </summary>
internal static class LibvirtHandleCounter
{
    private static int live;

    public static int Live => Volatile.Read(ref live);

    public static void Acquired() => Interlocked.Increment(ref live);

    public static void Released() => Interlocked.Decrement(ref live);
}
