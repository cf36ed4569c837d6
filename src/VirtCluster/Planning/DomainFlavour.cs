namespace VirtCluster.Planning;

/// <summary>
/// The concrete hypervisor a node runs under, after <c>auto</c> is resolved: it decides the libvirt driver,
/// the domain type and which devices the guest can have.
/// </summary>
public enum DomainFlavour
{
    /// <summary>qemu driver, domain type kvm (needs vmx/svm).</summary>
    Kvm,

    /// <summary>qemu driver, domain type qemu: pure emulation where the CPU has no usable virtualisation.</summary>
    Tcg,

    /// <summary>libxl driver, fully virtualised guest (needs vmx/svm).</summary>
    XenHvm,

    /// <summary>libxl driver, paravirtualised guest booted from its kernel.</summary>
    XenPv,
}
