using System.Net;

namespace VirtCluster.Domains;

/// <summary>A fixed DHCP reservation: the node with this MAC always gets this address.</summary>
public sealed record DhcpHost(MacAddress Mac, string Name, IPAddress Address);
