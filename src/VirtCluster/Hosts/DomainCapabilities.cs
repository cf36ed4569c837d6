namespace VirtCluster.Hosts;

/// <summary>
/// What <c>virsh domcapabilities</c> says for one domain type: whether it exists at all (libvirt refuses
/// domcapabilities for a virt type the host cannot run) and whether PCI hostdevs can go through vfio.
/// </summary>
public sealed record DomainCapabilities(string DomainType, string? Machine, bool HostdevSupported, IReadOnlyList<string> PciBackends)
{
    public bool VfioPassthrough => HostdevSupported && PciBackends.Contains("vfio");
}
