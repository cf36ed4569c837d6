namespace VirtCluster.Libvirt;

/// <summary>An argument or XML document was rejected (malformed, invalid, or missing a required element).</summary>
public sealed class LibvirtInvalidArgumentException : LibvirtException
{
    public LibvirtInvalidArgumentException(LibvirtErrorInfo error, string? message = null)
        : base(error, message)
    {
    }
}
