using VirtCluster.Config;
using VirtCluster.Hosts;
using VirtCluster.Planning;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Planning;

public sealed class NodePlannerTests
{
    private static async Task<NodePlan> PaperPlanAsync(ClusterSpec? spec = null, HostFacts? facts = null) =>
        NodePlanner.Plan(spec ?? SpecSamples.Agc(), facts ?? await HostSamples.RecordedAsync("agc01"), 0);

    [Fact]
    public async Task PaperHostGetsTwoGuestNumaCellsOfFourVcpus()
    {
        var plan = await PaperPlanAsync();

        Assert.Equal(8, plan.Vcpus);
        Assert.Equal(2, plan.NumaCells.Count);
        Assert.Equal([0, 1, 2, 3], plan.NumaCells[0].Vcpus);
        Assert.Equal([4, 5, 6, 7], plan.NumaCells[1].Vcpus);
        Assert.Equal([0, 1], plan.NumaCells.Select(c => c.HostCell));
        Assert.All(plan.NumaCells, c => Assert.Equal(45 * SpecSamples.GiB / 2, c.MemoryBytes));
        Assert.True(plan.BindMemoryToCells);
    }

    [Fact]
    public async Task StrictPinningMapsVcpusOneToOneInTopologyOrder()
    {
        var plan = await PaperPlanAsync();

        Assert.Equal([[0], [2], [4], [6], [1], [3], [5], [7]], plan.VcpuPins.Select(p => p.HostCpus));
        Assert.Equal(Enumerable.Range(0, 8), plan.VcpuPins.Select(p => p.Vcpu));
    }

    [Fact]
    public async Task WhenVcpusTakeEveryCpuTheEmulatorMayUseTheFullSet()
    {
        var plan = await PaperPlanAsync();

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], plan.EmulatorPin);
        Assert.Contains(plan.Notes, n => n.StartsWith("no spare host CPU", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithSpareCpusTheEmulatorIsPinnedToThem()
    {
        var plan = await PaperPlanAsync(SpecSamples.Agc() with { Node = new NodeSizing(6, 40 * SpecSamples.GiB, 0, HugePages.None) });

        Assert.Equal([5, 7], plan.EmulatorPin);
        Assert.Equal([[0, 1, 2, 3], [4, 5]], plan.NumaCells.Select(c => c.Vcpus));
        Assert.Equal(new GuestCpuTopology(1, 6, 1), plan.Topology);
    }

    [Fact]
    public async Task NumaPinningLetsEachVcpuRunAnywhereInItsCell()
    {
        var plan = await PaperPlanAsync(SpecSamples.Agc() with { Pinning = PinningPolicy.Numa });

        Assert.All(plan.VcpuPins.Take(4), p => Assert.Equal([0, 2, 4, 6], p.HostCpus));
        Assert.All(plan.VcpuPins.Skip(4), p => Assert.Equal([1, 3, 5, 7], p.HostCpus));
        Assert.Null(plan.EmulatorPin);
        Assert.True(plan.BindMemoryToCells);
    }

    [Fact]
    public async Task NoPinningLeavesPlacementAndMemoryToTheScheduler()
    {
        var plan = await PaperPlanAsync(SpecSamples.Agc() with { Pinning = PinningPolicy.None });

        Assert.Empty(plan.VcpuPins);
        Assert.Null(plan.EmulatorPin);
        Assert.Equal(2, plan.NumaCells.Count);
        Assert.False(plan.BindMemoryToCells);
    }

    [Fact]
    public async Task GuestTopologyMirrorsTheHost()
    {
        var plan = await PaperPlanAsync();

        Assert.Equal(new GuestCpuTopology(2, 4, 1), plan.Topology);
        Assert.Equal("host-passthrough", plan.CpuMode);
        Assert.Equal(DomainFlavour.Kvm, plan.Flavour);
    }

    [Fact]
    public async Task WithoutVmxAutoPicksTcgAndSaysWhy()
    {
        var plan = await PaperPlanAsync(facts: HostSamples.WithoutHardwareVirtualisation(await HostSamples.RecordedAsync("agc01")));

        Assert.Equal(DomainFlavour.Tcg, plan.Flavour);
        Assert.Equal("maximum", plan.CpuMode);
        Assert.Contains(plan.Notes, n => n.StartsWith("TCG (domain type qemu): the CPU shows no vmx/svm flag", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MemoryAboveTheHostIsRefusedNamingTheHost()
    {
        var spec = SpecSamples.Agc() with { Node = new NodeSizing(null, 50 * SpecSamples.GiB, 0, HugePages.None) };

        var e = await Assert.ThrowsAsync<PlanningException>(() => PaperPlanAsync(spec));

        Assert.Equal("agc01", e.Host);
        Assert.Equal("agc01: node memory 50 GiB is more than the host's 47.08 GiB; lower the node memory", e.Message);
    }

    [Fact]
    public async Task DefaultMemoryIsHostMemoryMinusTheReserveInWholeMiB()
    {
        var facts = await HostSamples.RecordedAsync("agc01");
        var spec = SpecSamples.Agc() with { Node = new NodeSizing(null, null, 2 * SpecSamples.GiB, HugePages.None) };

        var plan = NodePlanner.Plan(spec, facts, 0);

        // The recorded cells hold 24595044 + 24772276 KiB = 50552135680 B; less the 2 GiB reserve that is
        // 48404652032 B = 46162.8125 MiB, rounded down to 46162 MiB = 48404365312 B.
        Assert.Equal(48404365312, plan.MemoryBytes);
        Assert.Equal(48404365312, plan.NumaCells.Sum(c => c.MemoryBytes));
    }

    [Fact]
    public async Task HugePagesAreCheckedPerCell()
    {
        var spec = SpecSamples.Agc() with { Node = new NodeSizing(null, 45 * SpecSamples.GiB, 0, HugePages.TwoMiB) };
        var enoughInTotalButNotInCellOne = HostSamples.WithFreeHugePages(await HostSamples.RecordedAsync("agc01"), 2048, 23040, 100);

        var e = await Assert.ThrowsAsync<PlanningException>(() => PaperPlanAsync(spec, enoughInTotalButNotInCellOne));

        Assert.Contains("cell 1 needs 11520 free 2 MiB hugepages but has 100", e.Message);
        Assert.DoesNotContain("cell 0", e.Message);
    }

    [Fact]
    public async Task OneGibHugePagesBackTheMemoryWhenFree()
    {
        var spec = SpecSamples.Agc() with { Node = new NodeSizing(null, 45 * SpecSamples.GiB, 0, HugePages.OneGiB) };
        var facts = HostSamples.WithFreeHugePages(await HostSamples.RecordedAsync("agc01"), 1048576, 23, 23);

        var plan = await PaperPlanAsync(spec, facts);

        Assert.Equal(1048576, plan.HugePageSizeKiB);
        Assert.Equal([23 * SpecSamples.GiB, 22 * SpecSamples.GiB], plan.NumaCells.Select(c => c.MemoryBytes));
    }

    [Fact]
    public async Task PassthroughPlansTheHostsHcaAndVirtioNone()
    {
        Assert.Equal(HostSamples.HcaAddress, (await PaperPlanAsync()).Hostdev);
        Assert.Null((await PaperPlanAsync(SpecSamples.Agc() with { Io = IoMode.Virtio })).Hostdev);
    }

    [Fact]
    public async Task PassthroughWithoutAnHcaIsRefused()
    {
        var facts = await HostSamples.RecordedAsync("agc01") with { Hca = null };

        var e = await Assert.ThrowsAsync<PlanningException>(() => PaperPlanAsync(facts: facts));

        Assert.Equal("agc01: io passthrough needs the HCA (PCI 15b3:673c) but the host shows none; install it or set io to virtio", e.Message);
    }

    [Fact]
    public void LabModeGivesTwoNodesOneVcpuEachOnTheirOwnCpu()
    {
        var facts = HostSamples.SmallHost("local", 2, 8 * SpecSamples.GiB);

        var plans = NodePlanner.PlanHost(SpecSamples.Lab(2), facts);

        Assert.Equal(["local-local-0", "local-local-1"], plans.Select(p => p.NodeName));
        Assert.All(plans, p => Assert.Equal(1, p.Vcpus));
        Assert.Equal([[0], [1]], plans.Select(p => p.VcpuPins.Single().HostCpus));
        Assert.All(plans, p => Assert.Empty(p.NumaCells));
    }

    [Fact]
    public void LabModeWrapsAroundTheHostCpus()
    {
        var facts = HostSamples.SmallHost("local", 2, 8 * SpecSamples.GiB);

        var plans = NodePlanner.PlanHost(SpecSamples.Lab(3), facts);

        Assert.Equal([0, 1, 0], plans.Select(p => p.VcpuPins.Single().HostCpus.Single()));
    }

    [Fact]
    public void LabModeSharesDefaultMemoryAmongTheNodes()
    {
        var facts = HostSamples.SmallHost("local", 2, 8 * SpecSamples.GiB);
        var spec = SpecSamples.Lab(2) with { Node = new NodeSizing(null, null, 2 * SpecSamples.GiB, HugePages.None) };

        Assert.All(NodePlanner.PlanHost(spec, facts), p => Assert.Equal(3 * SpecSamples.GiB, p.MemoryBytes));
    }

    [Fact]
    public async Task XenPvHasNoCpuModeTopologyOrGuestNuma()
    {
        var plan = await PaperPlanAsync(SpecSamples.Agc() with { Hypervisor = HypervisorChoice.XenPv });

        Assert.Equal(DomainFlavour.XenPv, plan.Flavour);
        Assert.Null(plan.CpuMode);
        Assert.Null(plan.Topology);
        Assert.Empty(plan.NumaCells);
        Assert.Equal(8, plan.VcpuPins.Count);
        Assert.Null(plan.EmulatorPin);
        Assert.Contains(plan.Notes, n => n.Contains("dom0_vcpus_pin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task XenHvmKeepsGuestNumaAndHostPassthrough()
    {
        var plan = await PaperPlanAsync(SpecSamples.Agc() with { Hypervisor = HypervisorChoice.XenHvm });

        Assert.Equal(DomainFlavour.XenHvm, plan.Flavour);
        Assert.Equal("host-passthrough", plan.CpuMode);
        Assert.Equal(2, plan.NumaCells.Count);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3, 6 }, "0-3,6")]
    [InlineData(new[] { 5 }, "5")]
    [InlineData(new[] { 7, 1, 3, 5 }, "1,3,5,7")]
    public void CpuSetsAreWrittenAsRanges(int[] cpus, string expected)
    {
        Assert.Equal(expected, CpuSet.Format(cpus));
    }
}
