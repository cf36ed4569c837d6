namespace VirtCluster.Hosts;

/// <summary>
/// One host NUMA cell: its CPUs, memory and free hugepages. Pinning and guest NUMA are planned per cell
/// so that a guest cell's memory and vCPUs stay on the same physical node.
/// </summary>
/// <param name="Id">Cell id as libvirt numbers it.</param>
/// <param name="Cpus">The cell's logical CPUs.</param>
/// <param name="MemoryBytes">The cell's memory.</param>
/// <param name="FreePagesBySizeKiB">Free pages per page size in KiB (4, 2048, 1048576), as libvirt reports them.</param>
public sealed record NumaCell(int Id, IReadOnlyList<HostCpu> Cpus, long MemoryBytes, IReadOnlyDictionary<long, long> FreePagesBySizeKiB)
{
    public long FreePages(long pageSizeKiB) => FreePagesBySizeKiB.TryGetValue(pageSizeKiB, out var n) ? n : 0;
}
