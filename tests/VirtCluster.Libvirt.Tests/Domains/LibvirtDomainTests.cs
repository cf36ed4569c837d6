using System.Net.Sockets;

namespace VirtCluster.Libvirt.Tests.Domains;

public sealed class LibvirtDomainTests
{
    private const string PinFirstVcpuToCpu1 = "<cputune><vcpupin vcpu='0' cpuset='1'/></cputune>";

    [Fact]
    public void APinnedDomainGoesThroughItsWholeLifecycle()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var name = TestHosts.UniqueName("node");
        using var domain = connection.DefineDomain(TestHosts.DomainXml(name, vcpus: 2, PinFirstVcpuToCpu1));

        Assert.Equal(name, domain.Name);
        Assert.Equal(DomainState.Shutoff, domain.State().State);
        Assert.Null(domain.Id);
        Assert.False(domain.IsActive());

        domain.Create();
        Assert.True(domain.IsActive());
        Assert.Equal(DomainState.Running, domain.State().State);
        Assert.NotNull(domain.Id);
        Assert.Equal(
            [new VcpuPin(0, [1]), new VcpuPin(1, [0, 1, 2, 3, 4, 5, 6, 7])],
            domain.VcpuPinInfo().Select(p => p with { HostCpus = [.. p.HostCpus] }),
            new VcpuPinComparer());

        domain.Shutdown();
        Assert.Equal(DomainState.Shutoff, domain.State().State);
        domain.Create();
        domain.Destroy();
        Assert.False(domain.IsActive());

        domain.Undefine(DomainUndefineFlags.ManagedSave | DomainUndefineFlags.SnapshotsMetadata);
        Assert.Null(connection.TryLookupDomain(name));
    }

    [Fact]
    public void UndefineFlagsTheDriverDoesNotKnowAreRejectedAsInvalidArguments()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var name = TestHosts.UniqueName("nvram");
        using var domain = connection.DefineDomain(TestHosts.DomainXml(name));

        var error = Assert.Throws<LibvirtInvalidArgumentException>(() => domain.Undefine(DomainUndefineFlags.Nvram));

        Assert.Contains("unsupported flags", error.Message);
        Assert.NotNull(connection.TryLookupDomain(name));
    }

    [Fact]
    public void UuidAndXmlDescribeTheDefinedDomain()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var name = TestHosts.UniqueName("xml");
        using var domain = connection.DefineDomain(TestHosts.DomainXml(name));

        var xml = System.Xml.Linq.XElement.Parse(domain.XmlDesc(DomainXmlFlags.Inactive));

        Assert.Equal(name, xml.Element("name")!.Value);
        Assert.Equal(domain.Uuid, Guid.Parse(xml.Element("uuid")!.Value));
    }

    [Fact]
    public void LookupFindsADefinedDomainAndListingIncludesIt()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var name = TestHosts.UniqueName("find");
        using var defined = connection.DefineDomain(TestHosts.DomainXml(name));

        using var found = connection.LookupDomain(name);
        var inactive = connection.ListAllDomains(DomainListFlags.Inactive);

        Assert.Equal(defined.Uuid, found.Uuid);
        Assert.Contains(name, inactive.Select(d => d.Name));
        Assert.Empty(connection.ListAllDomains(DomainListFlags.Active));
        foreach (var domain in inactive)
        {
            domain.Dispose();
        }
    }

    [Fact]
    public void LookingUpAMissingDomainThrowsNotFoundWithLibvirtsMessage()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DefaultUri);

        var error = Assert.Throws<LibvirtNotFoundException>(() => connection.LookupDomain("no-such-domain"));

        Assert.Equal(42, error.Code);
        Assert.StartsWith("Domain not found", error.Message);
        Assert.Null(connection.TryLookupDomain("no-such-domain"));
    }

    [Theory]
    [InlineData("<domain type='test'><name>broken")]
    [InlineData("<domain type='test'><name>no-os</name><memory>1024</memory></domain>")]
    public void DefiningInvalidXmlThrowsInvalidArgument(string xml)
    {
        using var connection = LibvirtConnection.Open(TestHosts.DefaultUri);

        var error = Assert.Throws<LibvirtInvalidArgumentException>(() => connection.DefineDomain(xml));

        Assert.NotEmpty(error.Message);
    }

    [Fact]
    public void DestroyingADomainThatIsNotRunningIsAnInvalidOperation()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        using var domain = connection.DefineDomain(TestHosts.DomainXml(TestHosts.UniqueName("off")));

        var error = Assert.Throws<LibvirtOperationInvalidException>(domain.Destroy);

        Assert.Contains("not running", error.Message);
    }

    [Fact]
    public void UsingAnUndefinedDomainThrowsNotFound()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        using var domain = connection.DefineDomain(TestHosts.DomainXml(TestHosts.UniqueName("gone")));
        domain.Undefine();

        Assert.Throws<LibvirtNotFoundException>(domain.Create);
        Assert.Throws<LibvirtNotFoundException>(() => domain.XmlDesc());
        Assert.Throws<LibvirtNotFoundException>(domain.VcpuPinInfo);
    }

    [Fact]
    public void EmulatorThreadsMayRunOnEveryHostCpuByDefault()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        using var domain = connection.DefineDomain(TestHosts.DomainXml(TestHosts.UniqueName("emu")));
        domain.Create();

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], domain.EmulatorPinInfo());
        domain.Destroy();
    }

    [Fact]
    public void AutostartIsRemembered()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        using var domain = connection.DefineDomain(TestHosts.DomainXml(TestHosts.UniqueName("auto")));

        domain.SetAutostart(true);
        Assert.True(domain.Autostart());
        domain.SetAutostart(false);
        Assert.False(domain.Autostart());
    }

    [Theory]
    [InlineData(InterfaceAddressSource.Lease)]
    [InlineData(InterfaceAddressSource.Agent)]
    [InlineData(InterfaceAddressSource.Arp)]
    public void ARunningDomainReportsItsInterfaceAddresses(InterfaceAddressSource source)
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var network = TestHosts.UniqueName("net");
        using var isolated = connection.CreateNetwork(TestHosts.IsolatedNetworkXml(network));
        using var domain = connection.DefineDomain(TestHosts.DomainXml(TestHosts.UniqueName("addr"), network: network));
        domain.Create();

        var nic = Assert.Single(domain.InterfaceAddresses(source));

        Assert.Equal(TestHosts.NicMac, nic.HardwareAddress);
        var address = Assert.Single(nic.Addresses);
        Assert.Equal(AddressFamily.InterNetwork, address.Family);
        Assert.True(System.Net.IPAddress.TryParse(address.Address, out _));
        Assert.InRange(address.Prefix, 1, 32);
        domain.Destroy();
    }

    [Fact]
    public void AStoppedDomainHasNoAddressesToReport()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        using var domain = connection.DefineDomain(TestHosts.DomainXml(TestHosts.UniqueName("noaddr")));

        Assert.Throws<LibvirtOperationInvalidException>(() => domain.InterfaceAddresses(InterfaceAddressSource.Lease));
    }

    [Fact]
    public void UsingADisposedDomainThrowsObjectDisposed()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var domain = connection.DefineDomain(TestHosts.DomainXml(TestHosts.UniqueName("disp")));
        domain.Dispose();
        domain.Dispose();

        Assert.Throws<ObjectDisposedException>(() => domain.Name);
        Assert.Throws<ObjectDisposedException>(domain.Create);
        Assert.Throws<ObjectDisposedException>(domain.VcpuPinInfo);
        Assert.Throws<ObjectDisposedException>(() => domain.InterfaceAddresses(InterfaceAddressSource.Lease));
    }

    private sealed class VcpuPinComparer : IEqualityComparer<VcpuPin>
    {
        public bool Equals(VcpuPin? x, VcpuPin? y) =>
            x is not null && y is not null && x.Vcpu == y.Vcpu && x.HostCpus.SequenceEqual(y.HostCpus);

        public int GetHashCode(VcpuPin obj) => obj.Vcpu;
    }
}
