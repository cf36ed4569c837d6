namespace VirtCluster.Bench.Model;

/// <summary>
/// What the benchmark ran on; metrics compare virtualised runs against a <see cref="BareMetal"/> baseline.
/// </summary>
public enum EnvironmentKind
{
    Unknown,
    BareMetal,
    Kvm,
    Xen,

    /// <summary>QEMU without hardware acceleration: functional, but its numbers are not comparable with hardware.</summary>
    Tcg,

    /// <summary>A public cloud instance (the paper's Amazon EC2 cluster compute instances).</summary>
    Cloud,
}
