using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

/// <summary>
/// Owns a virConnectPtr. Child handles add a reference, so virConnectClose runs only after the
/// connection object and every object obtained from it are released.
/// </summary>
internal sealed class ConnectHandle : SafeHandle
{
    public ConnectHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>Takes ownership of a non-null pointer returned by virConnectOpen*.</summary>
    public static ConnectHandle Adopt(nint pointer)
    {
        var result = new ConnectHandle();
        result.SetHandle(pointer);
        LibvirtHandleCounter.Acquired();
        return result;
    }

    protected override bool ReleaseHandle()
    {
        LibvirtHandleCounter.Released();
        return NativeMethods.virConnectClose(handle) >= 0;
    }
}
