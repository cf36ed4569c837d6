namespace VirtCluster.Libvirt.Interop;

/// <summary>Owns a virDomainPtr; released with virDomainFree.</summary>
internal sealed class DomainHandle : LibvirtChildHandle
{
    /// <summary>Takes ownership of a non-null pointer obtained through <paramref name="connection"/>.</summary>
    public static DomainHandle Adopt(nint pointer, ConnectHandle connection)
    {
        var result = new DomainHandle();
        result.Attach(pointer, connection);
        return result;
    }

    protected override int Free(nint pointer) => NativeMethods.virDomainFree(pointer);
}
