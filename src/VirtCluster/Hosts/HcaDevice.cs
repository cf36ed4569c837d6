namespace VirtCluster.Hosts;

/// <summary>
/// The host's InfiniBand HCA as a libvirt node device, with its IOMMU group peers: VFIO assigns whole
/// groups, so a peer that is neither a bridge nor assigned too blocks passthrough.
/// </summary>
public sealed record HcaDevice(NodeDevice Device, IReadOnlyList<IommuGroupPeer> OtherGroupMembers)
{
    public string NodeDeviceName => Device.Name;

    public PciAddress Address => Device.Address;
}
