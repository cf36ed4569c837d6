using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;
using VirtCluster.Resources;
using VirtCluster.Resources.Libvirt;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Resources.Libvirt;

/// <summary>The libvirt providers against libvirt's own test driver, serving the paper's host from a host XML.</summary>
public sealed class LibvirtProviderTests : IDisposable
{
    private readonly LibvirtConnections _connections = new();
    private readonly string _uri = "test://" + Path.Combine(TestPaths.RepoRoot, "sim", "dell-m610-host.xml");

    public void Dispose() => _connections.Dispose();

    [Fact]
    public async Task NetworkIsDefinedStartedReadAndDeletedIdempotently()
    {
        var provider = Typed(new NetworkProvider(_connections));
        var inputs = NetworkInputs("vc-net");

        var created = await provider.CreateAsync(Request(inputs), default);
        var read = await provider.ReadAsync(Request(inputs, created), default);

        Assert.Equal("vc-net", created.Id);
        Assert.True(JsonNode.DeepEquals(created.Outputs, read!.Outputs), "a fresh read must show no drift");
        await provider.DeleteAsync(Request(inputs, created), default);
        await provider.DeleteAsync(Request(inputs, created), default);
        Assert.Null(await provider.ReadAsync(Request(inputs), default));
    }

    [Fact]
    public async Task ANetworkFoundDefinedButStoppedIsStartedInPlace()
    {
        var provider = Typed(new NetworkProvider(_connections));
        var inputs = NetworkInputs("vc-stopped");
        var created = await provider.CreateAsync(Request(inputs), default);
        using (var network = _connections.Get(_uri).LookupNetwork("vc-stopped"))
        {
            network.Destroy(); // as after a start cut short by the daemon's death
        }

        var read = await provider.ReadAsync(Request(inputs, created), default);
        Assert.False(read!.Outputs["active"]!.GetValue<bool>());
        var diff = provider.Diff(new ResourceSnapshot(new Urn("urn:n"), read.Id, inputs, read.Outputs), inputs);
        Assert.Equal(DiffKind.Update, diff.Kind);

        var updated = await provider.UpdateAsync(Request(inputs, read, inputs), default);

        Assert.True(updated.Outputs["active"]!.GetValue<bool>());
        Assert.True((await provider.ReadAsync(Request(inputs, updated), default))!.Outputs["active"]!.GetValue<bool>());
        Assert.Equal(DiffKind.Same, provider.Diff(new ResourceSnapshot(new Urn("urn:n"), updated.Id, inputs, updated.Outputs), inputs).Kind);
        await provider.DeleteAsync(Request(inputs, updated), default);
    }

    [Fact]
    public async Task CreatingANetworkThatAlreadyExistsAdoptsIt()
    {
        var provider = Typed(new NetworkProvider(_connections));
        var inputs = NetworkInputs("vc-adopt");
        await provider.CreateAsync(Request(inputs), default);

        // As after a crash between the libvirt call and the state write: Create runs again.
        var again = await provider.CreateAsync(Request(inputs), default);

        Assert.Equal("vc-adopt", again.Id);
        Assert.Single(_connections.Get(_uri).ListAllNetworks(), n => n.Name == "vc-adopt");
    }

    [Fact]
    public async Task ChangingANetworksXmlReplacesIt()
    {
        var provider = Typed(new NetworkProvider(_connections));
        var old = new ResourceSnapshot(new Urn("urn:x"), "n", NetworkInputs("n"), []);
        var changed = NetworkInputs("n");
        changed["xml"] = changed["xml"]!.GetValue<string>().Replace("10.77.0.1", "10.78.0.1", StringComparison.Ordinal);

        var diff = provider.Diff(old, changed);

        Assert.Equal(DiffKind.Replace, diff.Kind);
        Assert.Equal("xml", Assert.Single(diff.Properties).Path);
    }

    [Fact]
    public async Task PoolVolumeAndOverlayLiveAndDieTogether()
    {
        var pools = Typed(new PoolProvider(_connections));
        var volumes = Typed(new VolumeProvider("virtcluster:libvirt:Overlay", _connections));
        var poolInputs = new JsonObject
        {
            ["uri"] = _uri,
            ["name"] = "vc-pool",
            ["xml"] = "<pool type='dir'><name>vc-pool</name><target><path>/var/lib/vc-pool</path></target></pool>",
        };
        var volumeInputs = new JsonObject
        {
            ["uri"] = _uri,
            ["pool"] = "vc-pool",
            ["name"] = "node1.qcow2",
            ["xml"] = "<volume><name>node1.qcow2</name><capacity unit='G'>3</capacity><target><format type='qcow2'/></target></volume>",
        };

        await pools.CreateAsync(Request(poolInputs), default);
        var volume = await volumes.CreateAsync(Request(volumeInputs), default);
        var adopted = await volumes.CreateAsync(Request(volumeInputs), default);

        Assert.Equal("/var/lib/vc-pool/node1.qcow2", volume.Outputs["path"]!.GetValue<string>());
        Assert.Equal(volume.Id, adopted.Id);
        Assert.Equal("storage:|" + _uri, pools.ConcurrencyKey(poolInputs));
        Assert.Equal(pools.ConcurrencyKey(poolInputs), volumes.ConcurrencyKey(volumeInputs));

        await volumes.DeleteAsync(Request(volumeInputs, volume), default);
        await pools.DeleteAsync(Request(poolInputs), default);
        await volumes.DeleteAsync(Request(volumeInputs, volume), default);
        Assert.Null(await pools.ReadAsync(Request(poolInputs), default));
    }

    [Fact]
    public async Task UploadingFromAMissingFileFailsCheckWithTheFix()
    {
        var volumes = Typed(new VolumeProvider("virtcluster:libvirt:BaseImage", _connections));
        var inputs = new JsonObject
        {
            ["uri"] = _uri, ["pool"] = "p", ["name"] = "base", ["xml"] = "<volume/>", ["uploadFrom"] = "/nonexistent/image.qcow2",
        };

        var failure = Assert.Single(volumes.Check(inputs));

        Assert.Equal("uploadFrom", failure.Property);
        Assert.Contains("does not exist (was the image cache cleared?)", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodeRunsAfterCreateRestartsOnNewXmlAndIsGoneAfterDelete()
    {
        var provider = Typed(new NodeProvider(_connections));
        var inputs = NodeInputs("vc-node1", vcpus: 2);

        var created = await provider.CreateAsync(Request(inputs), default);
        Assert.True(created.Outputs["running"]!.GetValue<bool>());

        var updatedInputs = NodeInputs("vc-node1", vcpus: 4);
        var diff = provider.Diff(new ResourceSnapshot(new Urn("urn:n"), created.Id, inputs, created.Outputs), updatedInputs);
        Assert.Equal(DiffKind.UpdateRestart, diff.Kind);

        var updated = await provider.UpdateAsync(Request(updatedInputs, created, inputs), default);
        using (var domain = _connections.Get(_uri, "agc01").LookupDomain("vc-node1"))
        {
            Assert.True(domain.IsActive());
            Assert.Contains("<vcpu placement='static'>4</vcpu>", domain.XmlDesc(), StringComparison.Ordinal);
        }

        Assert.Equal(created.Id, updated.Id);
        await provider.DeleteAsync(Request(updatedInputs, updated), default);
        await provider.DeleteAsync(Request(updatedInputs, updated), default);
        Assert.Null(await provider.ReadAsync(Request(updatedInputs), default));
    }

    [Fact]
    public async Task ANodeFoundRunningButNeverSeenReadyIsUpdatedInPlaceToWaitForIt()
    {
        var readiness = new RecordedReadiness();
        var provider = Typed(new NodeProvider(_connections, readiness));
        var inputs = NodeInputs("vc-booting", vcpus: 1);

        // The domain runs, but the run that started it stopped before the node answered: what the next run reads
        // back (to settle the pending create) has no host key.
        using (var domain = _connections.Get(_uri, "agc01").DefineDomain(inputs["xml"]!.GetValue<string>()))
        {
            domain.Create();
        }

        var found = await provider.ReadAsync(Request(inputs, new ProviderResult("id", [])), default);
        Assert.NotNull(found);
        Assert.False(found.Outputs.ContainsKey("hostKey"));

        var diff = provider.Diff(new ResourceSnapshot(new Urn("urn:n"), found.Id, inputs, found.Outputs), inputs);
        Assert.Equal(DiffKind.Update, diff.Kind);
        Assert.Equal("hostKey", Assert.Single(diff.Properties).Path);

        var updated = await provider.UpdateAsync(Request(inputs, found, inputs), default);
        Assert.Equal(found.Id, updated.Id);
        Assert.Equal(RecordedReadiness.HostKey, updated.Outputs["hostKey"]!.GetValue<string>());
        Assert.Equal(DiffKind.Same, provider.Diff(new ResourceSnapshot(new Urn("urn:n"), updated.Id, inputs, updated.Outputs), inputs).Kind);
        await provider.DeleteAsync(Request(inputs, updated), default);
    }

    [Fact]
    public async Task MovingANodeToAnotherHostReplacesIt()
    {
        var provider = Typed(new NodeProvider(_connections));
        var before = NodeInputs("n", 1);
        var after = NodeInputs("n", 1);
        after["host"] = "agc02";

        Assert.Equal(DiffKind.Replace, provider.Diff(new ResourceSnapshot(new Urn("urn:n"), "id", before, []), after).Kind);
    }

    private JsonObject NetworkInputs(string name) => new()
    {
        ["uri"] = _uri,
        ["name"] = name,
        ["xml"] = $"<network><name>{name}</name><bridge name='vcbr-{name.Length}'/><ip address='10.77.0.1' netmask='255.255.255.0'/></network>",
    };

    private JsonObject NodeInputs(string name, int vcpus) => new()
    {
        ["uri"] = _uri,
        ["name"] = name,
        ["host"] = "agc01",
        ["shutdownTimeoutSeconds"] = 5,
        ["addresses"] = new JsonArray("10.77.0.11"),
        ["macs"] = new JsonArray("52:54:00:00:00:11"),
        ["xml"] = $"<domain type='test'><name>{name}</name><memory unit='MiB'>512</memory><vcpu>{vcpus}</vcpu>"
            + "<os><type>hvm</type></os></domain>",
    };

    /// <summary>Readiness as a lab node reports it, without a guest to wait for (the test driver runs none).</summary>
    private sealed class RecordedReadiness : INodeReadiness
    {
        public const string HostKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBd1ABaiUCIrjcFvp5p6dJDSFT8ivLmTLnt2ZtNAvtDG";

        public Task<NodeReadiness> WaitUntilReadyAsync(NodeInputs node, IProgress<string>? progress, CancellationToken cancellationToken) =>
            Task.FromResult(new NodeReadiness(HostKey));
    }

    /// <summary>The provider as the engine sees it: through the adapter, so these tests also pin the JSON it reads and writes.</summary>
    private static TypedProvider<TInputs, TOutputs> Typed<TInputs, TOutputs>(IResourceProvider<TInputs, TOutputs> provider)
        where TInputs : class
        where TOutputs : class =>
        TypedProvider.Of(provider, ProviderJson.Default);

    private static ResourceRequest Request(JsonObject inputs, ProviderResult? previous = null, JsonObject? oldInputs = null) =>
        new(new Urn("urn:virtcluster:t::p::x::y"), previous?.Id, inputs, oldInputs, previous?.Outputs);
}
