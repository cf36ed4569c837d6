namespace VirtCluster.Domains;

/// <summary>
/// The cluster network: isolated (no forward element, so no NAT to the outside) with fixed reservations; or, when
/// <see cref="Bridged"/>, the host's existing bridge that spans hosts, which libvirt only attaches guests to (no
/// address, no DHCP: guests take their static addresses from the plan).
/// </summary>
public sealed record NetworkDefinition(string Name, string Bridge, Ipv4Subnet Subnet, IReadOnlyList<DhcpHost> Hosts)
{
    public bool Bridged { get; init; }
}
