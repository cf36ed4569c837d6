using System.Net.Sockets;

namespace VirtCluster.Libvirt;

/// <summary>One address of a guest interface, as text (as libvirt reports it) with its prefix length.</summary>
public sealed record DomainIPAddress(AddressFamily Family, string Address, int Prefix);
