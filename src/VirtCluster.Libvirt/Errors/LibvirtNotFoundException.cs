namespace VirtCluster.Libvirt;

/// <summary>The named domain, network, pool, volume or device does not exist; TryLookup methods return null instead.</summary>
public sealed class LibvirtNotFoundException : LibvirtException
{
    public LibvirtNotFoundException(LibvirtErrorInfo error, string? message = null)
        : base(error, message)
    {
    }
}
