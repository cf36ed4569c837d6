namespace VirtCluster.Libvirt.Interop;

/// <summary>
/// One-time process setup: virInitialize (required before threads use libvirt) and the global error
/// function, installed before the first connection so libvirt never prints errors to stderr.
/// </summary>
internal static class LibvirtLibrary
{
    private static readonly Lazy<bool> Initialized = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureInitialized() => _ = Initialized.Value;

    private static bool Initialize()
    {
        LibvirtErrors.Install();
        if (NativeMethods.virInitialize() < 0)
        {
            throw LibvirtCall.TakeLastError(nameof(NativeMethods.virInitialize));
        }

        return true;
    }
}
