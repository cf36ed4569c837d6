namespace VirtCluster.Libvirt;

/// <summary>virDomainDefineFlags; Validate checks the XML against libvirt's schema first.</summary>
[Flags]
public enum DomainDefineFlags
{
    None = 0,
    Validate = 1,
}
