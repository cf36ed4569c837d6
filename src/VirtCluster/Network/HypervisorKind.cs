namespace VirtCluster.Network;

/// <summary>How guests run on a host: hardware virtualisation or QEMU's software emulation.</summary>
public enum HypervisorKind
{
    /// <summary>KVM with hardware virtualisation: domain type <c>kvm</c>, CPU <c>host-passthrough</c>.</summary>
    Kvm,

    /// <summary>QEMU TCG emulation: domain type <c>qemu</c>, CPU <c>maximum</c>; slow but runs anywhere.</summary>
    Tcg,
}
