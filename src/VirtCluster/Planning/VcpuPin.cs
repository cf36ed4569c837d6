namespace VirtCluster.Planning;

/// <summary>One vCPU and the host CPUs it may run on (one CPU for strict pinning, a cell's CPUs for numa).</summary>
public sealed record VcpuPin(int Vcpu, IReadOnlyList<int> HostCpus);
