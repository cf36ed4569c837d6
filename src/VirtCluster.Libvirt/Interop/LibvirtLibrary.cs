namespace VirtCluster.Libvirt.Interop;

/// <summary>
/// One-time process setup: virInitialize (required before threads use libvirt), the global error function, installed
/// before the first connection so libvirt never prints errors to stderr, and libvirt's default event loop, run on a
/// thread of its own as virsh runs it. Without an event loop a remote connection over libssh can wait forever for a
/// reply that libssh has already read off the socket (a caller polling the socket never sees it), and no keepalive
/// notices a host that went away.
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

        if (NativeMethods.virEventRegisterDefaultImpl() < 0)
        {
            throw LibvirtCall.TakeLastError(nameof(NativeMethods.virEventRegisterDefaultImpl));
        }

        var loop = new Thread(RunEvents) { IsBackground = true, Name = "libvirt events" };
        loop.Start();
        return true;
    }

    private static void RunEvents()
    {
        while (true)
        {
            NativeMethods.virEventRunDefaultImpl();
        }
    }
}
