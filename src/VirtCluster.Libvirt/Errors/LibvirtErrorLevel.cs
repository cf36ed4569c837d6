namespace VirtCluster.Libvirt;

/// <summary>virErrorLevel: how serious libvirt considers an error.</summary>
public enum LibvirtErrorLevel
{
    None = 0,
    Warning = 1,
    Error = 2,
}
