namespace VirtCluster.Domains;

/// <summary>The cluster network: isolated (no forward element, so no NAT to the outside) with fixed reservations.</summary>
public sealed record NetworkDefinition(string Name, string Bridge, Ipv4Subnet Subnet, IReadOnlyList<DhcpHost> Hosts);
