using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;
using VirtCluster.Resources;
using VirtCluster.Resources.Libvirt;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Resources.Libvirt;

/// <summary>The run's libvirt connections: a host that cannot be reached, and the daemons the tool supervises.</summary>
public sealed class LibvirtConnectionsTests : IDisposable
{
    /// <summary>Nothing listens on port 1 of the loopback: the connection is refused at once.</summary>
    private const string Unreachable = "qemu+tcp://127.0.0.1:1/system";

    private readonly LibvirtConnections _connections = new();
    private readonly string _reachable = "test://" + Path.Combine(TestPaths.RepoRoot, "sim", "dell-m610-host.xml");

    public void Dispose() => _connections.Dispose();

    [Fact]
    public void AHostWhoseLibvirtCannotBeReachedFailsEveryCallOfTheRunNamingTheHost()
    {
        Assert.NotNull(_connections.Get(_reachable, "sim01"));

        var first = Assert.Throws<LibvirtUnreachableException>(() => _connections.Get(Unreachable, "sim02"));
        var again = Assert.Throws<LibvirtUnreachableException>(() => _connections.Get(Unreachable, "sim02"));

        Assert.StartsWith($"sim02: cannot reach libvirt at {Unreachable}: ", first.Message);
        Assert.Equal("sim02", first.Host);
        Assert.Same(first, again); // one attempt per run: a host that does not answer costs one timeout
    }

    [Fact]
    public async Task AnOperationOnAnUnreachableHostFailsNamingTheHostAndWhatToDo()
    {
        var provider = new DaemonFailures(TypedProvider.Of(new NetworkProvider(_connections), ProviderJson.Default));
        var inputs = new JsonObject { ["uri"] = Unreachable, ["host"] = "sim02", ["name"] = "vc-net", ["xml"] = "<network/>" };
        var request = new ResourceRequest(new Urn("urn:virtcluster:dev::lab::virtcluster:libvirt:Network::sim02-net"), "vc-net", inputs, null, null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.DeleteAsync(request, default));

        Assert.StartsWith($"sim02: cannot reach libvirt at {Unreachable}: ", error.Message);
        Assert.Contains("once the host is reachable again, run the same command again", error.Message);
    }

    [Fact]
    public void EnsureRunningAsksTheSupervisorOfTheUriEachTimeAndNothingForAUriNobodySupervises()
    {
        var checks = 0;
        _connections.Supervise(_reachable, () => checks++);

        _connections.Get(_reachable, "sim01");
        _connections.Get(_reachable, "sim01");
        Assert.Equal(1, checks); // before the connection is opened, not on every use

        _connections.EnsureRunning(_reachable);
        _connections.EnsureRunning(_reachable);
        _connections.EnsureRunning(Unreachable);
        Assert.Equal(3, checks);
    }
}
