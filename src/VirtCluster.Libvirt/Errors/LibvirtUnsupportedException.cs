namespace VirtCluster.Libvirt;

/// <summary>The driver behind the connection does not implement the call or flag (e.g. node-device detach on the test driver).</summary>
public sealed class LibvirtUnsupportedException : LibvirtException
{
    public LibvirtUnsupportedException(LibvirtErrorInfo error, string? message = null)
        : base(error, message)
    {
    }
}
