using VirtCluster.Bench.Results;

namespace VirtCluster.Bench.Check;

/// <summary>
/// The parts of an <see cref="EnvironmentFingerprint"/> that results depend on, by name, so that the check
/// and the report compare and show them the same way.
/// </summary>
public static class FingerprintFields
{
    /// <summary>Every part except the environment's name, in the order tables show them.</summary>
    public static IReadOnlyList<(string Name, Func<EnvironmentFingerprint, string?> Value)> All { get; } =
    [
        ("kind", f => f.Kind.ToString()),
        ("hypervisor", f => f.Hypervisor),
        ("kernel", f => f.Kernel),
        ("libvirt", f => f.LibvirtVersion),
        ("qemu", f => f.QemuVersion),
        ("image", f => f.ImageDigest),
        ("mpi", f => f.MpiVersion),
        ("hca firmware", f => f.HcaFirmware),
        ("config hash", f => f.ConfigHash),
    ];

    /// <summary>Names of the parts whose values differ (an unknown part differs from a known one).</summary>
    public static IReadOnlyList<string> Differences(EnvironmentFingerprint a, EnvironmentFingerprint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return All.Where(f => !string.Equals(f.Value(a), f.Value(b), StringComparison.Ordinal)).Select(f => f.Name).ToList();
    }
}
