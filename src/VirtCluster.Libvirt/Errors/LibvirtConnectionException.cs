namespace VirtCluster.Libvirt;

/// <summary>The connection could not be opened (unknown URI scheme, unreachable daemon, failed authentication) or broke.</summary>
public sealed class LibvirtConnectionException : LibvirtException
{
    public LibvirtConnectionException(LibvirtErrorInfo error, string? message = null)
        : base(error, message)
    {
    }
}
