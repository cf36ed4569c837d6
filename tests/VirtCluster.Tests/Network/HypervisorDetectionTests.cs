using VirtCluster.Network;

namespace VirtCluster.Tests.Network;

public sealed class HypervisorDetectionTests
{
    private const string IntelWithVmx = "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic vmx smx est\n";
    private const string AmdWithSvm = "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr pae svm extapic\n";
    private const string NoVirtualisation = "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic hypervisor\nvmx flags\t: none\n";

    [Theory]
    [InlineData(IntelWithVmx, "vmx")]
    [InlineData(AmdWithSvm, "svm")]
    public void KvmIsChosenWhenTheDeviceAndTheCpuFlagAreBothPresent(string cpuinfo, string flag)
    {
        var (kind, reason) = HypervisorDetection.Decide(kvmDeviceExists: true, cpuinfo);

        Assert.Equal(HypervisorKind.Kvm, kind);
        Assert.Contains(flag, reason);
        Assert.Equal("kvm", HypervisorDetection.DomainType(kind));
        Assert.Equal("host-passthrough", HypervisorDetection.CpuMode(kind));
    }

    [Fact]
    public void ADevKvmWithoutVmxOrSvmFallsBackToTcg()
    {
        var (kind, reason) = HypervisorDetection.Decide(kvmDeviceExists: true, NoVirtualisation);

        Assert.Equal(HypervisorKind.Tcg, kind);
        Assert.Contains("lacks vmx/svm", reason);
        Assert.Equal("qemu", HypervisorDetection.DomainType(kind));
        Assert.Equal("maximum", HypervisorDetection.CpuMode(kind));
    }

    [Fact]
    public void TheCpuFlagWithoutDevKvmFallsBackToTcgAndSaysWhatToLoad()
    {
        var (kind, reason) = HypervisorDetection.Decide(kvmDeviceExists: false, IntelWithVmx);

        Assert.Equal(HypervisorKind.Tcg, kind);
        Assert.Contains("kvm_intel", reason);
    }

    [Fact]
    public void ThisMachineIsDecidedFromItsOwnCpuinfo()
    {
        var cpuinfo = File.ReadAllText("/proc/cpuinfo");
        var hasFlag = cpuinfo.Split('\n').Any(l => l.StartsWith("flags", StringComparison.Ordinal)
            && l.Split(' ').Any(f => f is "vmx" or "svm"));

        var (kind, _) = HypervisorDetection.Detect();

        Assert.Equal(hasFlag && File.Exists("/dev/kvm") ? HypervisorKind.Kvm : HypervisorKind.Tcg, kind);
    }
}
