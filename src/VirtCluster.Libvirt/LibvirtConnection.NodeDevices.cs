using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt;

public sealed partial class LibvirtConnection
{
    /// <summary>
    /// Every host device libvirt knows (PCI functions such as an InfiniBand HCA, USB, net, ...). No
    /// capability filter is passed because the test driver rejects any; filter on the device XML instead.
    /// </summary>
    public unsafe IReadOnlyList<LibvirtNodeDevice> ListAllNodeDevices()
    {
        nint* array;
        var count = LibvirtCall.Check(NativeMethods.virConnectListAllNodeDevices(Handle, &array, 0));
        return LibvirtCall.AdoptArray(array, count, AdoptNodeDevice, NativeMethods.virNodeDeviceFree);
    }

    /// <summary>Looks a device up by its libvirt name, e.g. <c>pci_0000_05_00_0</c>.</summary>
    public LibvirtNodeDevice LookupNodeDevice(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return AdoptNodeDevice(LibvirtCall.Check(NativeMethods.virNodeDeviceLookupByName(Handle, name)));
    }

    public LibvirtNodeDevice? TryLookupNodeDevice(string name) => TryLookup(() => LookupNodeDevice(name));

    private LibvirtNodeDevice AdoptNodeDevice(nint pointer) => new(NodeDeviceHandle.Adopt(pointer, handle));
}
