namespace VirtCluster.Hosts;

/// <summary>What <c>virsh capabilities</c> says about the host: CPU topology, NUMA cells and the guest domain types offered.</summary>
/// <param name="Arch">Host architecture (x86_64).</param>
/// <param name="Sockets">Sockets per host.</param>
/// <param name="CoresPerSocket">Cores per socket.</param>
/// <param name="ThreadsPerCore">Hardware threads per core.</param>
/// <param name="Cells">NUMA cells by id.</param>
/// <param name="GuestDomainTypes">Domain types any guest architecture offers (<c>kvm</c>, <c>qemu</c>, <c>xen</c>).</param>
public sealed record HostCapabilities(
    string Arch,
    int Sockets,
    int CoresPerSocket,
    int ThreadsPerCore,
    IReadOnlyList<NumaCell> Cells,
    IReadOnlySet<string> GuestDomainTypes)
{
    public long MemoryBytes => Cells.Sum(c => c.MemoryBytes);

    /// <summary>All CPUs in topology order: by cell, then by CPU id — the order strict pinning follows.</summary>
    public IReadOnlyList<HostCpu> CpusInTopologyOrder => [.. Cells.OrderBy(c => c.Id).SelectMany(c => c.Cpus.OrderBy(u => u.Id))];
}
