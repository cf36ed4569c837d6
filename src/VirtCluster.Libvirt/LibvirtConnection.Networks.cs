using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt;

public sealed partial class LibvirtConnection
{
    /// <summary>Defines a persistent, inactive network.</summary>
    public LibvirtNetwork DefineNetwork(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return AdoptNetwork(LibvirtCall.Check(NativeMethods.virNetworkDefineXML(Handle, xml)));
    }

    /// <summary>Creates and starts a transient network: it disappears when destroyed.</summary>
    public LibvirtNetwork CreateNetwork(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return AdoptNetwork(LibvirtCall.Check(NativeMethods.virNetworkCreateXML(Handle, xml)));
    }

    /// <summary>Throws <see cref="LibvirtNotFoundException"/> when no network has this name.</summary>
    public LibvirtNetwork LookupNetwork(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return AdoptNetwork(LibvirtCall.Check(NativeMethods.virNetworkLookupByName(Handle, name)));
    }

    public LibvirtNetwork? TryLookupNetwork(string name) => TryLookup(() => LookupNetwork(name));

    public unsafe IReadOnlyList<LibvirtNetwork> ListAllNetworks(NetworkListFlags flags = NetworkListFlags.None)
    {
        nint* array;
        var count = LibvirtCall.Check(NativeMethods.virConnectListAllNetworks(Handle, &array, (uint)flags));
        return LibvirtCall.AdoptArray(array, count, AdoptNetwork, NativeMethods.virNetworkFree);
    }

    private LibvirtNetwork AdoptNetwork(nint pointer) => new(NetworkHandle.Adopt(pointer, handle));
}
