using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt;

/// <summary>A host device (e.g. a PCI function such as an InfiniBand HCA) as libvirt's node-device API sees it.</summary>
public sealed class LibvirtNodeDevice : IDisposable
{
    private readonly NodeDeviceHandle handle;
    private volatile bool disposed;

    internal LibvirtNodeDevice(NodeDeviceHandle handle) => this.handle = handle;

    /// <summary>libvirt's name, e.g. <c>pci_0000_05_00_0</c> for PCI 0000:05:00.0.</summary>
    public string Name => LibvirtCall.BorrowedString(NativeMethods.virNodeDeviceGetName(Handle));

    private NodeDeviceHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return handle;
        }
    }

    /// <summary>The device XML: PCI address, vendor/product ids, IOMMU group, current driver.</summary>
    public string XmlDesc() => LibvirtCall.OwnedString(NativeMethods.virNodeDeviceGetXMLDesc(Handle, 0));

    /// <summary>
    /// Unbinds the device from its host driver for passthrough, binding it to <paramref name="driverName"/>
    /// (e.g. "vfio"; null lets libvirt choose). Managed hostdevs make libvirt do this at domain start.
    /// </summary>
    public void Detach(string? driverName = null) =>
        LibvirtCall.Check(NativeMethods.virNodeDeviceDetachFlags(Handle, driverName, 0));

    /// <summary>Gives a detached device back to its host driver.</summary>
    public void Reattach() => LibvirtCall.Check(NativeMethods.virNodeDeviceReAttach(Handle));

    /// <summary>Frees this reference (the object itself stays); calling it again does nothing.</summary>
    public void Dispose()
    {
        disposed = true;
        handle.Dispose();
    }
}
