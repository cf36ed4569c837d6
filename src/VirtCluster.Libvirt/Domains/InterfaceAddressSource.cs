namespace VirtCluster.Libvirt;

/// <summary>virDomainInterfaceAddressesSource: where libvirt learns a guest's addresses.</summary>
public enum InterfaceAddressSource
{
    /// <summary>DHCP leases of libvirt's own networks.</summary>
    Lease = 0,

    /// <summary>The QEMU guest agent inside the guest.</summary>
    Agent = 1,

    /// <summary>The host's ARP table.</summary>
    Arp = 2,
}
