namespace VirtCluster.Libvirt;

/// <summary>virDomainXMLFlags.</summary>
[Flags]
public enum DomainXmlFlags
{
    None = 0,
    Secure = 1,
    Inactive = 2,
    UpdateCpu = 4,
    Migratable = 8,
}
