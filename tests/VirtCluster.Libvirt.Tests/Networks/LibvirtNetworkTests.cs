namespace VirtCluster.Libvirt.Tests.Networks;

public sealed class LibvirtNetworkTests
{
    [Fact]
    public void AnIsolatedNetworkIsDefinedStartedStoppedAndUndefined()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var name = TestHosts.UniqueName("net");
        using var network = connection.DefineNetwork(TestHosts.IsolatedNetworkXml(name));

        Assert.Equal(name, network.Name);
        Assert.False(network.IsActive());
        network.Create();
        Assert.True(network.IsActive());
        Assert.Contains(name, connection.ListAllNetworks(NetworkListFlags.Active).Select(n => n.Name));
        Assert.Null(System.Xml.Linq.XElement.Parse(network.XmlDesc()).Element("forward"));

        network.Destroy();
        Assert.False(network.IsActive());
        network.Undefine();
        Assert.Null(connection.TryLookupNetwork(name));
    }

    [Fact]
    public void ATransientNetworkIsActiveAndDisappearsWhenDestroyed()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var name = TestHosts.UniqueName("tnet");
        using var network = connection.CreateNetwork(TestHosts.IsolatedNetworkXml(name));

        Assert.True(network.IsActive());
        using (var found = connection.LookupNetwork(name))
        {
            Assert.Equal(name, found.Name);
        }

        network.Destroy();
        Assert.Null(connection.TryLookupNetwork(name));
        Assert.Throws<LibvirtNotFoundException>(() => network.XmlDesc());
    }

    [Fact]
    public void LookingUpAMissingNetworkThrowsNotFound()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);

        var error = Assert.Throws<LibvirtNotFoundException>(() => connection.LookupNetwork("nope"));

        Assert.Equal(43, error.Code);
        Assert.Contains("'nope'", error.Message);
    }

    [Fact]
    public void DefiningInvalidNetworkXmlThrowsInvalidArgument()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);

        Assert.Throws<LibvirtInvalidArgumentException>(() => connection.DefineNetwork("<network><name>x"));
        Assert.Throws<LibvirtInvalidArgumentException>(() => connection.CreateNetwork("<network/>"));
    }

    [Fact]
    public void UndefiningATransientNetworkIsAnInvalidOperation()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        using var network = connection.CreateNetwork(TestHosts.IsolatedNetworkXml(TestHosts.UniqueName("tr")));

        var error = Assert.Throws<LibvirtOperationInvalidException>(network.Undefine);

        Assert.Equal(55, error.Code);
        Assert.True(network.IsActive());
    }

    [Fact]
    public void UsingADisposedNetworkThrowsObjectDisposed()
    {
        using var connection = LibvirtConnection.Open(TestHosts.DellM610Uri);
        var network = connection.DefineNetwork(TestHosts.IsolatedNetworkXml(TestHosts.UniqueName("disp")));
        network.Dispose();
        network.Dispose();

        Assert.Throws<ObjectDisposedException>(() => network.Name);
        Assert.Throws<ObjectDisposedException>(network.Create);
    }
}
