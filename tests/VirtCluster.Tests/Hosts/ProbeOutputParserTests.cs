using VirtCluster.Hosts;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Hosts;

public sealed class ProbeOutputParserTests
{
    [Fact]
    public void IntelIommuOnIsFoundOnTheCommandLine()
    {
        Assert.Equal("intel_iommu=on", ProbeOutputParser.IommuSwitch(HostSamples.Read(HostSamples.Updated, "cmdline")));
        Assert.Null(ProbeOutputParser.IommuSwitch(HostSamples.Read(HostSamples.IommuOff, "cmdline")));
    }

    [Theory]
    [InlineData("ro amd_iommu=on", "amd_iommu=on")]
    [InlineData("ro amd_iommu=pt", "amd_iommu=pt")]
    [InlineData("intel_iommu=on quiet intel_iommu=off", null)]
    [InlineData("iommu=pt", null)]
    public void TheLastIommuSwitchWins(string cmdline, string? expected)
    {
        Assert.Equal(expected, ProbeOutputParser.IommuSwitch(cmdline));
    }

    [Fact]
    public void IommuGroupsAreCounted()
    {
        Assert.Equal(28, ProbeOutputParser.IommuGroupCount(HostSamples.Read(HostSamples.Updated, "iommu_groups")));
        Assert.Equal(0, ProbeOutputParser.IommuGroupCount(HostSamples.Read(HostSamples.IommuOff, "iommu_groups")));
    }

    [Fact]
    public void VirtHostValidateWarningKeepsItsAdvice()
    {
        var lines = ProbeOutputParser.ValidateLines(HostSamples.Read(HostSamples.IommuOff, "virt-host-validate.txt"));

        var line = Assert.Single(lines, l => l.Check == "Checking if IOMMU is enabled by kernel");
        Assert.Equal("WARN", line.Result);
        Assert.Equal("IOMMU appears to be disabled in kernel. Add intel_iommu=on to kernel cmdline arguments", line.Detail);
        Assert.Equal("PASS", Assert.Single(lines, l => l.Check == "Checking for device assignment IOMMU support").Result);
        Assert.Equal(14, lines.Count);
    }

    [Fact]
    public void VmxIsFoundAmongTheCpuFlags()
    {
        var flags = ProbeOutputParser.CpuFlags(HostSamples.Read(HostSamples.Updated, "cpuinfo-flags"));

        Assert.Contains("vmx", flags);
        Assert.DoesNotContain("svm", flags);
        Assert.DoesNotContain("flags", flags);
    }

    [Fact]
    public void APvmGuestShowsNeitherVmxNorSvmAmongItsFlags()
    {
        // An excerpt of the flags line of an AMD EPYC PVM guest (/dev/kvm present, no vmx/svm); neither vmmcall nor
        // the "vmx flags" line may be taken for them.
        const string Cpuinfo = "flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic hypervisor lahf_lm cmp_legacy vmmcall\nvmx flags\t: none\n";

        var flags = ProbeOutputParser.CpuFlags(Cpuinfo);

        Assert.Equal(14, flags.Count);
        Assert.Contains("hypervisor", flags);
        Assert.DoesNotContain("vmx", flags);
        Assert.DoesNotContain("svm", flags);
    }

    [Fact]
    public void VfioPciIsFoundInLsmodButNotItsCore()
    {
        Assert.True(ProbeOutputParser.HasVfioPci(HostSamples.Read(HostSamples.Updated, "lsmod-vfio")));
        Assert.False(ProbeOutputParser.HasVfioPci("vfio_pci_core          94208  0\nvfio                   57344  1 vfio_pci_core\n"));
    }
}
