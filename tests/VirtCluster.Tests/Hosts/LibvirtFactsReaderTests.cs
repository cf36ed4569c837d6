using VirtCluster.Config;
using VirtCluster.Hosts;
using VirtCluster.Libvirt;
using VirtCluster.Planning;
using VirtCluster.Testing;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Hosts;

/// <summary>Host facts read through the libvirt binding from the test driver.</summary>
public sealed class LibvirtFactsReaderTests
{
    private static string SimulatedHostUri => "test://" + Path.Combine(TestPaths.RepoRoot, "sim", "dell-m610-host.xml");

    [Fact]
    public async Task SimulatedHostTakesItsHcaFromTheDriverAndItsTopologyFromTheRecording()
    {
        using var connection = LibvirtConnection.Open(SimulatedHostUri);
        var folder = HostSamples.Folder(HostSamples.Updated);

        var facts = await LibvirtFactsReader.ReadAsync("agc01", connection, new RecordedHostProbe(folder), HostSamples.ConnectX, folder, CancellationToken.None);

        Assert.Equal(HostSamples.HcaAddress, facts.Hca?.Address);
        Assert.NotNull(facts.Hca?.Device.IommuGroup);
        Assert.Equal(8, facts.CpuCount);
        Assert.Equal(2, facts.Cells.Count);
        Assert.True(facts.KvmDomainType);
        Assert.False(Preflight.Run(SpecSamples.Agc(), [facts]).HasFailures);
    }

    [Fact]
    public async Task ALiveDriverWithoutKvmLeadsToTcg()
    {
        using var connection = LibvirtConnection.Open("test:///default");
        var probe = new RecordedHostProbe(HostSamples.Folder(HostSamples.Updated));

        var facts = await LibvirtFactsReader.ReadAsync("lab", connection, probe, HostSamples.ConnectX, null, CancellationToken.None);

        Assert.Equal(16, facts.CpuCount);
        Assert.False(facts.KvmDomainType);
        Assert.False(facts.VfioPassthrough);
        Assert.Null(facts.Hca);
        Assert.Equal(DomainFlavour.Tcg, HypervisorSelector.Select(HypervisorChoice.Auto, facts).Flavour);
    }

    [Fact]
    public void ARecordingFromAnotherShapeOfHostIsRefused()
    {
        using var connection = LibvirtConnection.Open("test:///default");

        var e = Assert.Throws<InvalidOperationException>(() => LibvirtFactsReader.Documents("agc09", connection, HostSamples.Folder(HostSamples.Updated)));

        Assert.StartsWith("agc09: the recorded capabilities.xml", e.Message);
        Assert.Contains("has 8 CPUs but test:///default has 16", e.Message);
    }
}
