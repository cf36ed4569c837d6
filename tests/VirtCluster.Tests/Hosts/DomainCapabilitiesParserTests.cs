using VirtCluster.Hosts;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Hosts;

public sealed class DomainCapabilitiesParserTests
{
    [Fact]
    public void PaperHostOffersKvmWithVfioPassthrough()
    {
        var caps = DomainCapabilitiesParser.Parse(HostSamples.Read(HostSamples.Updated, "domcapabilities.xml"));

        Assert.Equal("kvm", caps.DomainType);
        Assert.Equal("pc-q35-7.2", caps.Machine);
        Assert.True(caps.HostdevSupported);
        Assert.Equal(["default", "vfio"], caps.PciBackends);
        Assert.True(caps.VfioPassthrough);
    }

    [Fact]
    public void WithTheIommuOffLibvirtOffersNoVfioBackend()
    {
        var caps = DomainCapabilitiesParser.Parse(HostSamples.Read(HostSamples.IommuOff, "domcapabilities.xml"));

        Assert.True(caps.HostdevSupported);
        Assert.False(caps.VfioPassthrough);
    }

    [Fact]
    public void UnsupportedHostdevMeansNoPassthroughEvenWithVfioListed()
    {
        const string xml = "<domainCapabilities><domain>qemu</domain><devices><hostdev supported='no'><enum name='pciBackend'><value>vfio</value></enum></hostdev></devices></domainCapabilities>";

        Assert.False(DomainCapabilitiesParser.Parse(xml).VfioPassthrough);
    }
}
