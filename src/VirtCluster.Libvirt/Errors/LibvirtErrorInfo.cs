namespace VirtCluster.Libvirt;

/// <summary>
/// A libvirt error as libvirt reported it: <paramref name="Code"/> is a virErrorNumber,
/// <paramref name="Domain"/> a virErrorDomain (the subsystem that raised it).
/// </summary>
public sealed record LibvirtErrorInfo(int Code, int Domain, LibvirtErrorLevel Level, string Message);
