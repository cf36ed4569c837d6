namespace VirtCluster.Planning;

/// <summary>The CPU topology the guest sees; mirroring the host's lets MPI place ranks per socket as on bare metal.</summary>
public sealed record GuestCpuTopology(int Sockets, int Cores, int Threads);
