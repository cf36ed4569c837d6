using System.Text.RegularExpressions;

namespace VirtCluster.Network;

/// <summary>
/// Chooses KVM or TCG for this machine. <c>/dev/kvm</c> alone is not enough: some nested or
/// paravirtualised hosts offer /dev/kvm without the vmx/svm CPU flags, and stock guest kernels hang
/// there, so KVM is chosen only when both are present.
/// </summary>
public static partial class HypervisorDetection
{
    /// <summary>The choice for this machine with the reason, for logs and preflight output.</summary>
    public static (HypervisorKind Kind, string Reason) Detect() =>
        Decide(File.Exists("/dev/kvm"), File.Exists("/proc/cpuinfo") ? File.ReadAllText("/proc/cpuinfo") : string.Empty);

    /// <summary>The decision from the two facts, separated so that it can be tested with real cpuinfo texts.</summary>
    public static (HypervisorKind Kind, string Reason) Decide(bool kvmDeviceExists, string cpuinfo)
    {
        var flag = VirtualisationFlag().Match(cpuinfo);
        return (kvmDeviceExists, flag.Success) switch
        {
            (true, true) => (HypervisorKind.Kvm, $"/dev/kvm exists and the CPU has {flag.Groups[1].Value}"),
            (true, false) => (HypervisorKind.Tcg, "/dev/kvm exists but the CPU lacks vmx/svm (nested or paravirtualised KVM); using TCG"),
            (false, true) => (HypervisorKind.Tcg, $"the CPU has {flag.Groups[1].Value} but /dev/kvm is missing (load kvm_intel or kvm_amd for speed); using TCG"),
            _ => (HypervisorKind.Tcg, "no /dev/kvm and no vmx/svm; using TCG"),
        };
    }

    /// <summary>libvirt's domain type for <paramref name="kind"/>.</summary>
    public static string DomainType(HypervisorKind kind) => kind == HypervisorKind.Kvm ? "kvm" : "qemu";

    /// <summary>libvirt's CPU mode for <paramref name="kind"/>.</summary>
    public static string CpuMode(HypervisorKind kind) => kind == HypervisorKind.Kvm ? "host-passthrough" : "maximum";

    [GeneratedRegex(@"^flags\s*:.*\b(vmx|svm)\b", RegexOptions.Multiline)]
    private static partial Regex VirtualisationFlag();
}
