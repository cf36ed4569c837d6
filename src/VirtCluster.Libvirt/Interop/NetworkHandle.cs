namespace VirtCluster.Libvirt.Interop;

/// <summary>Owns a virNetworkPtr; released with virNetworkFree.</summary>
internal sealed class NetworkHandle : LibvirtChildHandle
{
    /// <summary>Takes ownership of a non-null pointer obtained through <paramref name="connection"/>.</summary>
    public static NetworkHandle Adopt(nint pointer, ConnectHandle connection)
    {
        var result = new NetworkHandle();
        result.Attach(pointer, connection);
        return result;
    }

    protected override int Free(nint pointer) => NativeMethods.virNetworkFree(pointer);
}
