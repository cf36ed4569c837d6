namespace VirtCluster.Libvirt;

/// <summary>The call is valid but not in the object's current state (e.g. destroying a domain that is not running, or an object that already exists).</summary>
public sealed class LibvirtOperationInvalidException : LibvirtException
{
    public LibvirtOperationInvalidException(LibvirtErrorInfo error, string? message = null)
        : base(error, message)
    {
    }
}
