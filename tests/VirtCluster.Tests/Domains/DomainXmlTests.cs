using System.Xml.Linq;
using VirtCluster.Config;
using VirtCluster.Domains;
using VirtCluster.Libvirt;
using VirtCluster.Planning;
using VirtCluster.Testing;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Domains;

public sealed class DomainXmlTests
{
    public static TheoryData<DomainFlavour> Flavours => [DomainFlavour.Kvm, DomainFlavour.Tcg, DomainFlavour.XenHvm, DomainFlavour.XenPv];

    private static string SimulatedHostUri => "test://" + Path.Combine(TestPaths.RepoRoot, "sim", "dell-m610-host.xml");

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task EveryFlavourPassesLibvirtsDomainSchema(DomainFlavour flavour)
    {
        var (_, domain) = await DomainSamples.PaperNodeAsync(flavour);

        Virsh.AssertValid(DomainXml.Write(domain), "domain");
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task EveryFlavourDefinesAndStartsOnTheTestDriverWithItsPinning(DomainFlavour flavour)
    {
        var (plan, domain) = await DomainSamples.PaperNodeAsync(flavour);
        using var connection = LibvirtConnection.Open(SimulatedHostUri);
        using var defined = connection.DefineDomain(DomainXml.Write(domain));

        defined.Create();

        Assert.True(defined.IsActive());
        Assert.Equal(plan.VcpuPins.Select(p => p.HostCpus), defined.VcpuPinInfo().Select(p => p.HostCpus));
        Assert.Equal(plan.EmulatorPin ?? [0, 1, 2, 3, 4, 5, 6, 7], defined.EmulatorPinInfo());
        defined.Destroy();
        defined.Undefine();
        Assert.Null(connection.TryLookupDomain(plan.NodeName));
    }

    [Fact]
    public async Task NumaPinningReadsBackAsEachCellsCpus()
    {
        var (_, domain) = await DomainSamples.PaperNodeAsync(DomainFlavour.Kvm, PinningPolicy.Numa);
        using var connection = LibvirtConnection.Open(SimulatedHostUri);
        using var defined = connection.DefineDomain(DomainXml.Write(domain));

        defined.Create();

        var pins = defined.VcpuPinInfo();
        Assert.All(pins.Take(4), p => Assert.Equal([0, 2, 4, 6], p.HostCpus));
        Assert.All(pins.Skip(4), p => Assert.Equal([1, 3, 5, 7], p.HostCpus));
        defined.Destroy();
        defined.Undefine();
    }

    [Fact]
    public async Task PaperNodeXmlHasTwoGuestCellsBoundByNumatune()
    {
        var (_, domain) = await DomainSamples.PaperNodeAsync(DomainFlavour.Kvm);

        var root = XDocument.Parse(DomainXml.Write(domain)).Root!;

        Assert.Equal("kvm", root.Attribute("type")?.Value);
        Assert.Equal(45L * 1024 * 1024, (long)root.Element("memory")!);
        var cells = root.Element("cpu")!.Element("numa")!.Elements("cell").ToList();
        Assert.Equal(["0-3", "4-7"], cells.Select(c => c.Attribute("cpus")!.Value));
        Assert.Equal(["0", "1"], root.Element("numatune")!.Elements("memnode").Select(m => m.Attribute("nodeset")!.Value));
        Assert.Equal("host-passthrough", root.Element("cpu")!.Attribute("mode")?.Value);
        Assert.Equal("2", root.Element("cpu")!.Element("topology")!.Attribute("sockets")?.Value);
        Assert.Equal("0-7", root.Element("cputune")!.Element("emulatorpin")!.Attribute("cpuset")?.Value);
    }

    [Fact]
    public async Task KvmNodeHasTheDevicesItBootsWith()
    {
        var (_, domain) = await DomainSamples.PaperNodeAsync(DomainFlavour.Kvm);

        var devices = XDocument.Parse(DomainXml.Write(domain)).Root!.Element("devices")!;

        Assert.Equal("vda", devices.Element("disk")!.Element("target")!.Attribute("dev")?.Value);
        Assert.Equal("qcow2", devices.Element("disk")!.Element("driver")!.Attribute("type")?.Value);
        // agc16-sim's node on agc01: the first three bytes of SHA-256("agc16-sim/agc16-sim-agc01") are d8 87 e0.
        Assert.Equal("52:54:00:d8:87:e0", devices.Element("interface")!.Element("mac")!.Attribute("address")?.Value);
        Assert.Equal("agc16-net", devices.Element("interface")!.Element("source")!.Attribute("network")?.Value);
        Assert.Equal("file", devices.Element("serial")!.Attribute("type")?.Value);
        Assert.Equal("org.qemu.guest_agent.0", devices.Element("channel")!.Element("target")!.Attribute("name")?.Value);
        Assert.Equal("virtio", devices.Element("rng")!.Attribute("model")?.Value);
        Assert.Equal("none", devices.Element("memballoon")!.Attribute("model")?.Value);
        var hostdev = devices.Element("hostdev")!;
        Assert.Equal("yes", hostdev.Attribute("managed")?.Value);
        Assert.Equal("0x05", hostdev.Element("source")!.Element("address")!.Attribute("bus")?.Value);
    }

    [Fact]
    public async Task TcgNodeIsDomainTypeQemuWithCpuModeMaximum()
    {
        var (_, domain) = await DomainSamples.PaperNodeAsync(DomainFlavour.Tcg);

        var root = XDocument.Parse(DomainXml.Write(domain)).Root!;

        Assert.Equal("qemu", root.Attribute("type")?.Value);
        Assert.Equal("maximum", root.Element("cpu")!.Attribute("mode")?.Value);
        Assert.Equal("q35", root.Element("os")!.Element("type")!.Attribute("machine")?.Value);
    }

    [Fact]
    public async Task TcgNodeCapsItsTranslationCacheButKvmNodeHasNone()
    {
        var (_, tcg) = await DomainSamples.PaperNodeAsync(DomainFlavour.Tcg);
        var (_, kvm) = await DomainSamples.PaperNodeAsync(DomainFlavour.Kvm);

        var cache = XDocument.Parse(DomainXml.Write(tcg)).Root!.Element("features")!.Element("tcg")!.Element("tb-cache")!;

        Assert.Equal("MiB", cache.Attribute("unit")?.Value);
        Assert.Equal("128", cache.Value);
        Assert.Null(XDocument.Parse(DomainXml.Write(kvm)).Root!.Element("features")!.Element("tcg"));
    }

    [Fact]
    public async Task XenPvBootsLinuxWithAXenConsoleAndNoVirtioDevices()
    {
        var (_, domain) = await DomainSamples.PaperNodeAsync(DomainFlavour.XenPv);

        var root = XDocument.Parse(DomainXml.Write(domain)).Root!;

        Assert.Equal("linux", root.Element("os")!.Element("type")!.Value);
        Assert.Equal("xen", root.Element("devices")!.Element("console")!.Element("target")!.Attribute("type")?.Value);
        Assert.Equal("xen", root.Element("devices")!.Element("disk")!.Element("target")!.Attribute("bus")?.Value);
        Assert.Null(root.Element("devices")!.Element("rng"));
        Assert.Null(root.Element("cpu"));
    }

    [Fact]
    public async Task XenPvWithoutAKernelIsRefused()
    {
        var (_, domain) = await DomainSamples.PaperNodeAsync(DomainFlavour.XenPv);

        var e = Assert.Throws<ArgumentException>(() => DomainXml.Write(domain with { Kernel = null }));

        Assert.Contains("boot their kernel directly", e.Message);
    }

    [Fact]
    public async Task KernelCommandLineMarkupIsEscapedNotPasted()
    {
        var (_, domain) = await DomainSamples.PaperNodeAsync(DomainFlavour.Kvm);
        const string cmdline = "console=ttyS0 x='</cmdline><devices/>' a&b";

        var xml = DomainXml.Write(domain with { Kernel = DomainSamples.Kernel with { Cmdline = cmdline } });

        Assert.Equal(cmdline, XDocument.Parse(xml).Root!.Element("os")!.Element("cmdline")!.Value);
        Virsh.AssertValid(xml, "domain");
    }

    [Theory]
    [InlineData("bad/name")]
    [InlineData("-leading-dash")]
    [InlineData("")]
    public async Task InvalidDomainNamesAreRefused(string name)
    {
        var (_, domain) = await DomainSamples.PaperNodeAsync(DomainFlavour.Kvm);

        var e = Assert.Throws<ArgumentException>(() => DomainXml.Write(domain with { Name = name }));

        Assert.Contains($"domain name '{name}'", e.Message);
    }

    [Fact]
    public async Task RelativeDiskPathsAreRefused()
    {
        var (_, domain) = await DomainSamples.PaperNodeAsync(DomainFlavour.Kvm);

        Assert.Throws<ArgumentException>(() => DomainXml.Write(domain with { DiskPath = "node.qcow2" }));
    }

    [Fact]
    public async Task NoPinningWritesNoCputuneAndNoNumatune()
    {
        var (_, domain) = await DomainSamples.PaperNodeAsync(DomainFlavour.Kvm, PinningPolicy.None);

        var root = XDocument.Parse(DomainXml.Write(domain)).Root!;

        Assert.Null(root.Element("cputune"));
        Assert.Null(root.Element("numatune"));
        Assert.NotNull(root.Element("cpu")!.Element("numa"));
    }

    [Fact]
    public async Task HugePagesAreDeclaredInMemoryBacking()
    {
        var spec = SpecSamples.Agc() with { Node = new NodeSizing(null, 45 * SpecSamples.GiB, 0, HugePages.OneGiB) };
        var facts = HostSamples.WithFreeHugePages(await HostSamples.RecordedAsync("agc01"), 1048576, 23, 23);
        var plan = NodePlanner.Plan(spec, facts, 0);
        var domain = DomainDefinition.FromPlan(plan, new NodeMachine(null, "/var/lib/virtcluster/n.qcow2", "agc16-net", MacAddress.Derive("s", "n"), "/var/log/n.log"));

        var xml = DomainXml.Write(domain);

        Assert.Equal("1048576", XDocument.Parse(xml).Root!.Element("memoryBacking")!.Element("hugepages")!.Element("page")!.Attribute("size")?.Value);
        Virsh.AssertValid(xml, "domain");
    }
}
