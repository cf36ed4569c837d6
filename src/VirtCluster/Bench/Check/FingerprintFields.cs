using VirtCluster.Bench.Model;
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
        ("kind", f => KindText(f.Kind)),
        ("hypervisor", f => f.Hypervisor),
        ("kernel", f => f.Kernel),
        ("libvirt", f => f.LibvirtVersion),
        ("qemu", f => f.QemuVersion),
        ("image", f => f.ImageDigest),
        ("mpi", f => f.MpiVersion),
        ("mpi transport", f => f.MpiTransport),
        ("hca firmware", f => f.HcaFirmware),
        ("config hash", f => f.ConfigHash),
        ("binaries", f => BinariesText(f.Binaries)),
    ];

    /// <summary>The user's programs as <c>NAME SHA256</c>, sorted by name; null when there were none.</summary>
    private static string? BinariesText(IReadOnlyDictionary<string, string>? binaries) =>
        binaries is { Count: > 0 }
            ? string.Join(", ", binaries.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key} {b.Value}"))
            : null;

    /// <summary>The environment kind as people write it.</summary>
    public static string KindText(EnvironmentKind kind) => kind switch
    {
        EnvironmentKind.BareMetal => "bare metal",
        EnvironmentKind.Kvm => "KVM",
        EnvironmentKind.Xen => "Xen",
        EnvironmentKind.Tcg => "QEMU TCG (emulation)",
        EnvironmentKind.Cloud => "cloud",
        EnvironmentKind.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Names of the parts whose values differ (an unknown part differs from a known one).</summary>
    public static IReadOnlyList<string> Differences(EnvironmentFingerprint a, EnvironmentFingerprint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return All.Where(f => !string.Equals(f.Value(a), f.Value(b), StringComparison.Ordinal)).Select(f => f.Name).ToList();
    }
}
