using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

/// <summary>
/// Owns a pointer obtained through a connection (domain, network, pool, volume, device) or through another
/// child (a volume's upload stream) and holds a reference on that parent handle until the pointer is
/// freed, so disposing the connection object first never closes the connection under a live child.
/// </summary>
internal abstract class LibvirtChildHandle : SafeHandle
{
    private SafeHandle? parent;

    protected LibvirtChildHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>
    /// Runs a raw call that needs this object's virConnectPtr (streams, host CPU maps). The pointer stays
    /// valid during the call because this handle, which holds the connection open, is referenced for it;
    /// this works even after the connection object itself was disposed.
    /// </summary>
    public T UseConnection<T>(Func<nint, T> call)
    {
        var added = false;
        try
        {
            DangerousAddRef(ref added);
            return call(ConnectionPointer);
        }
        finally
        {
            if (added)
            {
                DangerousRelease();
            }
        }
    }

    private nint ConnectionPointer => parent switch
    {
        ConnectHandle connection => connection.DangerousGetHandle(),
        LibvirtChildHandle child => child.ConnectionPointer,
        _ => throw new InvalidOperationException("Handle was never attached."),
    };

    /// <summary>
    /// Takes ownership of a non-null pointer. If the parent was disposed concurrently the pointer is
    /// freed at once, so nothing leaks.
    /// </summary>
    protected void Attach(nint pointer, SafeHandle owner)
    {
        var added = false;
        try
        {
            owner.DangerousAddRef(ref added);
        }
        catch
        {
            Free(pointer);
            throw;
        }

        parent = owner;
        SetHandle(pointer);
        LibvirtHandleCounter.Acquired();
    }

    /// <summary>The vir*Free function for this pointer type.</summary>
    protected abstract int Free(nint pointer);

    protected sealed override bool ReleaseHandle()
    {
        var freed = Free(handle) >= 0;
        LibvirtHandleCounter.Released();
        parent?.DangerousRelease();
        return freed;
    }
}
