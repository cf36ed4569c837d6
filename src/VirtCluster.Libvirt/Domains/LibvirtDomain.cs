using System.Runtime.InteropServices;
using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt;

/// <summary>
/// A domain (VM) reference. Disposing it frees the reference only; the VM itself changes only through
/// <see cref="Create"/>, <see cref="Shutdown"/>, <see cref="Destroy"/> and <see cref="Undefine"/>.
/// </summary>
public sealed partial class LibvirtDomain : IDisposable
{
    private const int UuidStringLength = 37;

    private readonly DomainHandle handle;
    private volatile bool disposed;

    internal LibvirtDomain(DomainHandle handle) => this.handle = handle;

    public string Name => LibvirtCall.BorrowedString(NativeMethods.virDomainGetName(Handle));

    public unsafe Guid Uuid
    {
        get
        {
            var buffer = stackalloc byte[UuidStringLength];
            LibvirtCall.Check(NativeMethods.virDomainGetUUIDString(Handle, buffer));
            return Guid.Parse(Marshal.PtrToStringUTF8((nint)buffer)!);
        }
    }

    /// <summary>The hypervisor's id of a running domain; null while it is not running.</summary>
    public int? Id => NativeMethods.virDomainGetID(Handle) is var id && id == uint.MaxValue ? null : (int)id;

    private DomainHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return handle;
        }
    }

    /// <summary>Starts the defined domain.</summary>
    public void Create() => LibvirtCall.Check(NativeMethods.virDomainCreate(Handle));

    /// <summary>Asks the guest OS to power off; the domain may keep running until it does.</summary>
    public void Shutdown() => LibvirtCall.Check(NativeMethods.virDomainShutdown(Handle));

    /// <summary>Stops the domain at once, like pulling the power cord.</summary>
    public void Destroy() => LibvirtCall.Check(NativeMethods.virDomainDestroy(Handle));

    /// <summary>Removes the definition (and with flags, its NVRAM, managed save or snapshot metadata).</summary>
    public void Undefine(DomainUndefineFlags flags = DomainUndefineFlags.None) =>
        LibvirtCall.Check(NativeMethods.virDomainUndefineFlags(Handle, (uint)flags));

    public DomainStateInfo State()
    {
        LibvirtCall.Check(NativeMethods.virDomainGetState(Handle, out var state, out var reason, 0));
        return new DomainStateInfo((DomainState)state, reason);
    }

    public string XmlDesc(DomainXmlFlags flags = DomainXmlFlags.None) =>
        LibvirtCall.OwnedString(NativeMethods.virDomainGetXMLDesc(Handle, (uint)flags));

    public bool IsActive() => LibvirtCall.CheckBool(NativeMethods.virDomainIsActive(Handle));

    /// <summary>Whether libvirt starts the domain when its daemon starts.</summary>
    public void SetAutostart(bool autostart) =>
        LibvirtCall.Check(NativeMethods.virDomainSetAutostart(Handle, autostart ? 1 : 0));

    public bool Autostart()
    {
        LibvirtCall.Check(NativeMethods.virDomainGetAutostart(Handle, out var autostart));
        return autostart != 0;
    }

    /// <summary>Frees this reference (the object itself stays); calling it again does nothing.</summary>
    public void Dispose()
    {
        disposed = true;
        handle.Dispose();
    }
}
