namespace VirtCluster.Libvirt;

/// <summary>A guest network interface and the addresses libvirt found for it.</summary>
public sealed record DomainInterface(string Name, string? HardwareAddress, IReadOnlyList<DomainIPAddress> Addresses);
