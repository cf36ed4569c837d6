namespace VirtCluster.Hosts;

/// <summary>A PCI node device as libvirt describes it; the HCA and its IOMMU group peers are found among these.</summary>
/// <param name="Name">libvirt node device name (pci_0000_05_00_0).</param>
/// <param name="Address">PCI address.</param>
/// <param name="VendorId">PCI vendor id (0x15b3 Mellanox).</param>
/// <param name="ProductId">PCI product id (0x673c MT26428).</param>
/// <param name="ClassCode">PCI class (e.g. 0x0c0600 InfiniBand, 0x0604xx bridges), null when libvirt omits it.</param>
/// <param name="Driver">Bound kernel driver (mlx4_core, vfio-pci), null when unbound.</param>
/// <param name="IommuGroup">IOMMU group number, null without an IOMMU.</param>
/// <param name="IommuGroupMembers">Every address in the device's IOMMU group, itself included.</param>
public sealed record NodeDevice(
    string Name,
    PciAddress Address,
    int VendorId,
    int ProductId,
    int? ClassCode,
    string? Driver,
    int? IommuGroup,
    IReadOnlyList<PciAddress> IommuGroupMembers)
{
    /// <summary>PCI-to-PCI bridges may share a group with an assigned device without being assigned themselves.</summary>
    public bool IsBridge => ClassCode is { } c && (c >> 8) == 0x0604;
}
