using VirtCluster.Config;
using VirtCluster.Hosts;

namespace VirtCluster.Planning;

/// <summary>
/// Resolves the stack's hypervisor choice per host. <c>auto</c> picks kvm only when the CPU shows vmx/svm and
/// libvirt offers domain type kvm: on machines whose /dev/kvm lacks them (e.g. nested PVM) stock guest kernels
/// hang under KVM, so TCG is the working choice there, and the note says so.
/// </summary>
public static class HypervisorSelector
{
    public static HypervisorDecision Select(HypervisorChoice choice, HostFacts facts) => choice switch
    {
        HypervisorChoice.Kvm => new(DomainFlavour.Kvm, null),
        HypervisorChoice.Tcg => new(DomainFlavour.Tcg, null),
        HypervisorChoice.XenHvm => new(DomainFlavour.XenHvm, null),
        HypervisorChoice.XenPv => new(DomainFlavour.XenPv, null),
        _ when KvmUsable(facts) => new(DomainFlavour.Kvm, $"kvm: the CPU has {facts.HardwareVirtualisationFlag} and libvirt offers domain type kvm"),
        _ => new(DomainFlavour.Tcg, $"TCG (domain type qemu): {WhyNotKvm(facts)}; guests run emulated, much slower than under kvm"),
    };

    public static bool KvmUsable(HostFacts facts) => facts.HardwareVirtualisation && facts.KvmDomainType;

    /// <summary>Why kvm cannot run on the host, for notes and preflight messages.</summary>
    public static string WhyNotKvm(HostFacts facts) => (facts.HardwareVirtualisation, facts.KvmDomainType) switch
    {
        (false, false) => "the CPU shows no vmx/svm flag and libvirt offers no kvm domain type",
        (false, true) => "the CPU shows no vmx/svm flag (stock guest kernels hang under such a /dev/kvm)",
        (true, false) => "libvirt offers no kvm domain type (is /dev/kvm present and the kvm module loaded?)",
        _ => "kvm is usable",
    };
}
