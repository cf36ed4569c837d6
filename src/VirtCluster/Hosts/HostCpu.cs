namespace VirtCluster.Hosts;

/// <summary>One logical CPU of a host, with the socket and core it sits on (to mirror the host's topology in guests).</summary>
public sealed record HostCpu(int Id, int SocketId, int CoreId);
