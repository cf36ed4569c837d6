namespace VirtCluster.Domains;

/// <summary>A NIC on a libvirt network with a fixed MAC (the key of the node's DHCP reservation).</summary>
public sealed record NicAttachment(string Network, MacAddress Mac);
