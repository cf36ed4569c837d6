namespace VirtCluster.Hosts;

/// <summary>Another member of the HCA's IOMMU group; <see cref="Device"/> is null when libvirt lists no node device for it.</summary>
public sealed record IommuGroupPeer(PciAddress Address, NodeDevice? Device)
{
    public bool IsBridge => Device?.IsBridge ?? false;

    public string Describe() => Device is null
        ? Address.ToString()
        : $"{Address} ({Device.Name}, class 0x{Device.ClassCode ?? 0:x6}, driver {Device.Driver ?? "none"})";
}
