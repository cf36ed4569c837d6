namespace VirtCluster.Libvirt;

/// <summary>The host CPUs a vCPU may run on (all host CPUs when it is not pinned).</summary>
public sealed record VcpuPin(int Vcpu, IReadOnlyList<int> HostCpus);
