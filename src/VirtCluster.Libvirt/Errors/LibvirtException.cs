namespace VirtCluster.Libvirt;

/// <summary>
/// A failed libvirt call. <see cref="Exception.Message"/> is libvirt's own message (prefixed with the URI
/// when opening a connection failed), which already names the object and the reason; <see cref="Error"/>
/// keeps it verbatim, and <see cref="Code"/> and <see cref="Domain"/> let callers branch without parsing it.
/// </summary>
public class LibvirtException : Exception
{
    public LibvirtException(LibvirtErrorInfo error, string? message = null)
        : base(message ?? error.Message)
    {
        Error = error;
    }

    /// <summary>The error exactly as libvirt reported it.</summary>
    public LibvirtErrorInfo Error { get; }

    /// <summary>The virErrorNumber.</summary>
    public int Code => Error.Code;

    /// <summary>The virErrorDomain: which libvirt subsystem failed.</summary>
    public int Domain => Error.Domain;

    public LibvirtErrorLevel Level => Error.Level;
}
