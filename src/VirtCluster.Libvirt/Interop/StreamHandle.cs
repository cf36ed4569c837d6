namespace VirtCluster.Libvirt.Interop;

/// <summary>Owns a virStreamPtr; released with virStreamFree.</summary>
internal sealed class StreamHandle : LibvirtChildHandle
{
    /// <summary>Takes ownership of a non-null pointer created for <paramref name="parent"/> (the volume it transfers), which it keeps alive.</summary>
    public static StreamHandle Adopt(nint pointer, LibvirtChildHandle parent)
    {
        var result = new StreamHandle();
        result.Attach(pointer, parent);
        return result;
    }

    protected override int Free(nint pointer) => NativeMethods.virStreamFree(pointer);
}
