namespace VirtCluster.Libvirt;

/// <summary>
/// virNodeInfo. As libvirt defines it, <see cref="Sockets"/> counts sockets per NUMA node, so the host
/// has Nodes x Sockets x Cores x Threads CPUs (<see cref="Cpus"/> may be lower when some are offline).
/// </summary>
public sealed record NodeInfo(
    string Model, long MemoryKiB, int Cpus, int Mhz, int Nodes, int Sockets, int Cores, int Threads);
