namespace VirtCluster.Planning;

/// <summary>A guest NUMA cell mirroring one host cell: its vCPUs run there and its memory is bound there.</summary>
public sealed record GuestNumaCell(int Id, IReadOnlyList<int> Vcpus, long MemoryBytes, int HostCell);
