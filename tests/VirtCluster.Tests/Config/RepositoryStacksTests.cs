using VirtCluster.Config;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Config;

public sealed class RepositoryStacksTests
{
    [Fact]
    public void TheSimulatedAgcStackIsSixteenM610HostsWithPassthroughAndStrictPinning()
    {
        var spec = StackFixture.LoadSpec(TestPaths.RepoRoot, "agc16-sim");

        Assert.Equal("virtcluster", spec.Project);
        Assert.Equal("agc16-sim", spec.Stack);
        Assert.Equal(Enumerable.Range(1, 16).Select(i => $"agc{i:00}"), spec.Hosts.Select(h => h.Name));
        var xml = Path.Combine(TestPaths.RepoRoot, "sim", "dell-m610-host.xml");
        Assert.All(spec.Hosts, h =>
        {
            Assert.Equal(xml, h.SimulatedHostXml);
            Assert.Equal("test://" + xml, h.Uri);
            Assert.Equal(Path.Combine(TestPaths.RepoRoot, "sim", "facts", "agc-fw-2.7.80"), h.RecordedFacts);
            Assert.Null(h.Ssh);
        });
        Assert.Null(spec.Lab);
        Assert.Equal(1, spec.NodesPerHost);
        Assert.Equal(new NodeSizing(8, 45L * 1024 * 1024 * 1024, 3L * 1024 * 1024 * 1024, HugePages.None), spec.Node);
        Assert.Equal(PinningPolicy.Strict, spec.Pinning);
        Assert.Equal(IoMode.Passthrough, spec.Io);
        Assert.Equal(HypervisorChoice.Kvm, spec.Hypervisor);
        Assert.Equal(new HcaSpec(0x15b3, 0x673c), spec.Hca);
        Assert.Equal(FirmwareVersion.Parse("2.7.80"), spec.FirmwareMinimum);
        Assert.Equal(new NetworkSpec("agc", "10.77.0.0/24", "vcbr-agc"), spec.Network);
        Assert.Equal(Path.Combine(TestPaths.RepoRoot, "images", "hpc-node.yaml"), spec.ImageSpecPath);
        Assert.False(spec.Bench.Enabled);
        Assert.Equal(Path.Combine(TestPaths.RepoRoot, "suites", "paper.yaml"), spec.Bench.SuitePath);
    }

    [Fact]
    public void TheRealAgcStackReachesEachHostOverSsh()
    {
        var spec = StackFixture.LoadSpec(TestPaths.RepoRoot, "agc16");

        Assert.Equal(16, spec.Hosts.Count);
        var host = spec.Hosts[6];
        Assert.Equal("agc07", host.Name);
        Assert.Equal("qemu+ssh://root@agc07/system?no_tty=1", host.Uri);
        Assert.Equal(new SshEndpoint("agc07", 22, "root", null), host.Ssh);
        Assert.Null(host.SimulatedHostXml);
        Assert.Equal(45L * 1024 * 1024 * 1024, spec.Node.MemoryBytes);
        Assert.True(spec.Bench.Enabled);
    }

    [Fact]
    public void TheLocalStackIsTwoSimulatedHostsWithOneSmallVirtioNodeEachAndTheHostsAsBareMetal()
    {
        var spec = StackFixture.LoadSpec(TestPaths.RepoRoot, "local");

        Assert.Equal("vc-local", spec.Lab!.Namespace);
        Assert.Equal(2, spec.Lab.Fleet!.Hosts);
        Assert.Equal(1, spec.NodesPerHost);
        Assert.Equal(["sim01", "sim02"], spec.Hosts.Select(h => h.Name));
        Assert.All(spec.Hosts, h => Assert.StartsWith("qemu+libssh://root@10.78.", h.Uri, StringComparison.Ordinal));
        Assert.Equal(new NodeSizing(2, 1024L * 1024 * 1024, 3L * 1024 * 1024 * 1024, HugePages.None), spec.Node);
        Assert.Equal(IoMode.Virtio, spec.Io);
        Assert.Equal(HypervisorChoice.Auto, spec.Hypervisor);
        Assert.Equal(PinningPolicy.Strict, spec.Pinning);
        Assert.Equal("10.77.0.0/24", spec.Network.Subnet);
        Assert.True(spec.Bench.Enabled);
        Assert.Equal(Path.Combine(TestPaths.RepoRoot, "suites", "debian.yaml"), spec.Bench.SuitePath);
        Assert.Equal(["sim01", "sim02"], spec.Bench.BareMetalHosts);
        Assert.Empty(spec.Bench.Benchmarks);
    }

    [Fact]
    public void TheAgc16LabStackIsTheCountOfThePapersHostsSimulatedHereWithOneSmallNodeEach()
    {
        var spec = StackFixture.LoadSpec(TestPaths.RepoRoot, "agc16-lab");

        Assert.Equal(16, spec.Hosts.Count);
        Assert.Equal("sim16", spec.Hosts[15].Name);
        Assert.Equal(1, spec.NodesPerHost);
        Assert.Equal(new NodeSizing(1, 512L * 1024 * 1024, 3L * 1024 * 1024 * 1024, HugePages.None), spec.Node);
        Assert.Equal(TimeSpan.FromMinutes(15), spec.Lab!.BootTimeout);

        // Parallel efficiency at the paper's node counts, in the VMs and on all sixteen hosts.
        Assert.True(spec.Bench.Enabled);
        Assert.EndsWith("suites/scaling.yaml", spec.Bench.SuitePath, StringComparison.Ordinal);
        Assert.Equal(16, spec.Bench.BareMetalHosts.Count);
    }
}
