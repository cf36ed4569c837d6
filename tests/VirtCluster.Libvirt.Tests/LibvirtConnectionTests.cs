namespace VirtCluster.Libvirt.Tests;

public sealed class LibvirtConnectionTests
{
    [Fact]
    public void OpeningTheDefaultTestDriverGivesALiveConnection()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DefaultUri);

        Assert.True(connection.IsAlive());
        Assert.Equal("TEST", connection.HypervisorType);
        Assert.Equal(TestHosts.DefaultUri, connection.Uri);
    }

    [Fact]
    public void OpeningAnUnknownSchemeThrowsAConnectionExceptionWithLibvirtsMessage()
    {
        var error = Assert.Throws<LibvirtConnectionException>(() => LibvirtConnection.Open("bogus:///x"));

        Assert.StartsWith("Cannot open libvirt connection 'bogus:///x': ", error.Message);
        Assert.EndsWith(error.Error.Message, error.Message);
        Assert.NotEmpty(error.Error.Message);
    }

    [Fact]
    public void OpeningAMissingHostFileFailsAndNamesTheFile()
    {
        var error = Assert.Throws<LibvirtConnectionException>(() => LibvirtConnection.Open("test:///nonexistent/host.xml"));

        Assert.Contains("/nonexistent/host.xml", error.Message);
    }

    [Fact]
    public void AReadOnlyConnectionReadsButCannotDefine()
    {
        using var connection = LibvirtConnection.OpenReadOnly(TestHosts.DefaultUri);

        Assert.NotEmpty(connection.ListAllDomains());
        var error = Assert.ThrowsAny<LibvirtException>(
            () => connection.DefineDomain(TestHosts.DomainXml(TestHosts.UniqueName("ro"))));
        Assert.Equal(29, error.Code);
    }

    [Fact]
    public void NodeInfoOfTheDellHostMatchesThePapersMachine()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);

        var info = connection.NodeInfo();

        Assert.Equal(new NodeInfo("x86_64", 48L * 1024 * 1024, 8, 2533, 2, 1, 4, 1), info);
    }

    [Fact]
    public void CapabilitiesAreHostXml()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DefaultUri);

        var xml = System.Xml.Linq.XElement.Parse(connection.Capabilities());

        Assert.Equal("capabilities", xml.Name.LocalName);
        Assert.Equal("2", xml.Element("host")!.Element("topology")!.Element("cells")!.Attribute("num")!.Value);
    }

    [Fact]
    public void DomainCapabilitiesAreUnsupportedByTheTestDriver()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DefaultUri);

        var error = Assert.Throws<LibvirtUnsupportedException>(() => connection.DomainCapabilities(virtType: "kvm"));

        Assert.Contains("virConnectGetDomainCapabilities", error.Message);
    }

    [Fact]
    public void VersionsAreDecodedFromLibvirtsEncoding()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DefaultUri);

        Assert.True(connection.LibVersion() >= new Version(9, 0, 0));
        Assert.Equal(new Version(0, 0, 2), connection.HypervisorVersion());
    }

    [Fact]
    public void UsingADisposedConnectionThrowsObjectDisposed()
    {
        var connection = LibvirtConnection.Open(TestHosts.DefaultUri);
        connection.Dispose();
        connection.Dispose();

        Assert.Throws<ObjectDisposedException>(() => connection.IsAlive());
        Assert.Throws<ObjectDisposedException>(() => connection.NodeInfo());
        Assert.Throws<ObjectDisposedException>(() => connection.LookupDomain("test"));
        Assert.Throws<ObjectDisposedException>(() => connection.ListAllNodeDevices());
    }

    [Fact]
    public void CloseIsTheSameAsDispose()
    {
        var connection = LibvirtConnection.Open(TestHosts.DefaultUri);

        connection.Close();

        Assert.Throws<ObjectDisposedException>(() => connection.Capabilities());
    }
}
