using VirtCluster.Hosts;

namespace VirtCluster.Planning;

/// <summary>
/// Checks hugepage demand against free pages per host cell: with guest NUMA bound to host cells, a guest cell's
/// pages must all come from its own host cell, so a host with enough pages in total can still fall short.
/// </summary>
public static class HugePageRules
{
    /// <param name="cells">The node's guest cells; empty for a flat guest, whose pages may come from any cell.</param>
    /// <param name="memoryBytes">The node's memory.</param>
    /// <param name="nodesPerHost">Nodes sharing the host's pages (lab mode).</param>
    /// <param name="facts">The host.</param>
    /// <param name="pageSizeKiB">The hugepage size.</param>
    public static IReadOnlyList<HugePageShortfall> Shortfalls(
        IReadOnlyList<GuestNumaCell> cells, long memoryBytes, int nodesPerHost, HostFacts facts, long pageSizeKiB)
    {
        var pageBytes = pageSizeKiB * 1024;
        if (cells.Count == 0)
        {
            var needed = (memoryBytes + pageBytes - 1) / pageBytes * nodesPerHost;
            var free = facts.Cells.Sum(c => c.FreePages(pageSizeKiB));
            return needed > free ? [new HugePageShortfall(null, pageSizeKiB, needed, free)] : [];
        }

        return [.. cells
            .GroupBy(c => c.HostCell)
            .Select(g => (Cell: g.Key, Needed: g.Sum(c => (c.MemoryBytes + pageBytes - 1) / pageBytes) * nodesPerHost))
            .Select(x => new HugePageShortfall(x.Cell, pageSizeKiB, x.Needed, facts.Cells.First(c => c.Id == x.Cell).FreePages(pageSizeKiB)))
            .Where(s => s.Needed > s.Free)];
    }
}
