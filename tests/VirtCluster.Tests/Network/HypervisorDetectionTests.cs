using VirtCluster.Network;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Network;

public sealed class HypervisorDetectionTests
{
    private const string IntelWithVmx = "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic vmx smx est\n";
    private const string AmdWithSvm = "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr pae svm extapic\n";

    /// <summary>
    /// A PVM guest: /dev/kvm exists but the CPU shows no vmx/svm. AMD's <c>vmmcall</c> is there, and a
    /// <c>vmx flags</c> line must not count as the flags line.
    /// </summary>
    private const string NoVirtualisation = "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic hypervisor vmmcall\nvmx flags\t: none\n";

    [Theory]
    [InlineData(IntelWithVmx, "/dev/kvm exists and the CPU has vmx")]
    [InlineData(AmdWithSvm, "/dev/kvm exists and the CPU has svm")]
    public void KvmIsChosenWhenTheDeviceAndTheCpuFlagAreBothPresent(string cpuinfo, string expectedReason)
    {
        var (kind, reason) = HypervisorDetection.Decide(kvmDeviceExists: true, cpuinfo);

        Assert.Equal(HypervisorKind.Kvm, kind);
        Assert.Equal(expectedReason, reason);
        Assert.Equal("kvm", HypervisorDetection.DomainType(kind));
        Assert.Equal("host-passthrough", HypervisorDetection.CpuMode(kind));
    }

    [Fact]
    public void TheRecordedAgcHostWithItsDevKvmGetsKvm()
    {
        var (kind, reason) = HypervisorDetection.Decide(kvmDeviceExists: true, HostSamples.Read(HostSamples.Updated, "cpuinfo-flags"));

        Assert.Equal((HypervisorKind.Kvm, "/dev/kvm exists and the CPU has vmx"), (kind, reason));
    }

    [Fact]
    public void ADevKvmWithoutVmxOrSvmFallsBackToTcg()
    {
        var (kind, reason) = HypervisorDetection.Decide(kvmDeviceExists: true, NoVirtualisation);

        Assert.Equal(HypervisorKind.Tcg, kind);
        Assert.Equal("/dev/kvm exists but the CPU lacks vmx/svm (nested or paravirtualised KVM); using TCG", reason);
        Assert.Equal("qemu", HypervisorDetection.DomainType(kind));
        Assert.Equal("maximum", HypervisorDetection.CpuMode(kind));
    }

    [Fact]
    public void TheCpuFlagWithoutDevKvmFallsBackToTcgAndSaysWhatToLoad()
    {
        var (kind, reason) = HypervisorDetection.Decide(kvmDeviceExists: false, IntelWithVmx);

        Assert.Equal(HypervisorKind.Tcg, kind);
        Assert.Equal("the CPU has vmx but /dev/kvm is missing (load kvm_intel or kvm_amd for speed); using TCG", reason);
    }

    [Fact]
    public void NeitherDevKvmNorACpuFlagIsTcg()
    {
        var (kind, reason) = HypervisorDetection.Decide(kvmDeviceExists: false, NoVirtualisation);

        Assert.Equal((HypervisorKind.Tcg, "no /dev/kvm and no vmx/svm; using TCG"), (kind, reason));
    }
}
