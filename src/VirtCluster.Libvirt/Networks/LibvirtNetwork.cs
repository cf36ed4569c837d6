using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt;

/// <summary>A virtual network reference; disposing it frees the reference, not the network.</summary>
public sealed class LibvirtNetwork : IDisposable
{
    private const uint XmlInactive = 1;

    private readonly NetworkHandle handle;
    private volatile bool disposed;

    internal LibvirtNetwork(NetworkHandle handle) => this.handle = handle;

    public string Name => LibvirtCall.BorrowedString(NativeMethods.virNetworkGetName(Handle));

    private NetworkHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return handle;
        }
    }

    /// <summary>Starts a defined network (creates its bridge and, if configured, its DHCP server).</summary>
    public void Create() => LibvirtCall.Check(NativeMethods.virNetworkCreate(Handle));

    /// <summary>Stops the network; a transient one disappears.</summary>
    public void Destroy() => LibvirtCall.Check(NativeMethods.virNetworkDestroy(Handle));

    public void Undefine() => LibvirtCall.Check(NativeMethods.virNetworkUndefine(Handle));

    /// <summary>The live XML, or with <paramref name="inactive"/> the persistent definition.</summary>
    public string XmlDesc(bool inactive = false) =>
        LibvirtCall.OwnedString(NativeMethods.virNetworkGetXMLDesc(Handle, inactive ? XmlInactive : 0));

    public bool IsActive() => LibvirtCall.CheckBool(NativeMethods.virNetworkIsActive(Handle));

    /// <summary>Frees this reference (the object itself stays); calling it again does nothing.</summary>
    public void Dispose()
    {
        disposed = true;
        handle.Dispose();
    }
}
