using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt;

public sealed partial class LibvirtConnection
{
    /// <summary>Defines (or redefines, by name and UUID) a persistent domain without starting it.</summary>
    public LibvirtDomain DefineDomain(string xml, DomainDefineFlags flags = DomainDefineFlags.None)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return AdoptDomain(LibvirtCall.Check(NativeMethods.virDomainDefineXMLFlags(Handle, xml, (uint)flags)));
    }

    /// <summary>Throws <see cref="LibvirtNotFoundException"/> when no domain has this name.</summary>
    public LibvirtDomain LookupDomain(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return AdoptDomain(LibvirtCall.Check(NativeMethods.virDomainLookupByName(Handle, name)));
    }

    /// <summary>Null when no domain has this name; other failures still throw.</summary>
    public LibvirtDomain? TryLookupDomain(string name) => TryLookup(() => LookupDomain(name));

    public unsafe IReadOnlyList<LibvirtDomain> ListAllDomains(DomainListFlags flags = DomainListFlags.None)
    {
        nint* array;
        var count = LibvirtCall.Check(NativeMethods.virConnectListAllDomains(Handle, &array, (uint)flags));
        return LibvirtCall.AdoptArray(array, count, AdoptDomain, NativeMethods.virDomainFree);
    }

    private LibvirtDomain AdoptDomain(nint pointer) => new(DomainHandle.Adopt(pointer, handle));

    private static T? TryLookup<T>(Func<T> lookup)
        where T : class
    {
        try
        {
            return lookup();
        }
        catch (LibvirtNotFoundException)
        {
            return null;
        }
    }
}
