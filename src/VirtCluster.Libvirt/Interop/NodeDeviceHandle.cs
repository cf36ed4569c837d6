namespace VirtCluster.Libvirt.Interop;

/// <summary>Owns a virNodeDevicePtr; released with virNodeDeviceFree.</summary>
internal sealed class NodeDeviceHandle : LibvirtChildHandle
{
    /// <summary>Takes ownership of a non-null pointer obtained through <paramref name="connection"/>.</summary>
    public static NodeDeviceHandle Adopt(nint pointer, ConnectHandle connection)
    {
        var result = new NodeDeviceHandle();
        result.Attach(pointer, connection);
        return result;
    }

    protected override int Free(nint pointer) => NativeMethods.virNodeDeviceFree(pointer);
}
