using System.Text.Json;
using VirtCluster.Config;
using VirtCluster.Hosts;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Hosts;

public sealed class PreflightTests
{
    [Fact]
    public async Task PaperHostAfterTheFirmwareUpdatePassesEveryCheck()
    {
        var checks = Preflight.CheckHost(SpecSamples.Agc(), await HostSamples.RecordedAsync("agc01"));

        Assert.All(checks, c => Assert.Equal(Verdict.Pass, c.Verdict));
        Assert.Equal(["hypervisor", "iommu", "vfio", "hca", "hca-firmware", "iommu-group", "vcpus", "memory"], checks.Select(c => c.Check));
    }

    [Fact]
    public async Task WhenFirmwareIsOlderThanMinimumPreflightFails()
    {
        var checks = Preflight.CheckHost(SpecSamples.Agc(), await HostSamples.RecordedAsync("agc03", HostSamples.OldFirmware));

        var failure = Assert.Single(checks, c => c.Verdict == Verdict.Fail);
        Assert.Equal("hca-firmware", failure.Check);
        Assert.StartsWith(
            "agc03: HCA firmware 2.6.0 is older than the minimum 2.7.80 (",
            failure.Message);
        Assert.EndsWith("; update it (mstflint -d 0000:05:00.0 -i fw.bin burn) before passthrough works", failure.Message);
    }

    [Fact]
    public async Task WhenTheIommuIsOffPreflightFailsWithTheFix()
    {
        var checks = Preflight.CheckHost(SpecSamples.Agc(), await HostSamples.RecordedAsync("agc05", HostSamples.IommuOff));

        var iommu = Assert.Single(checks, c => c.Check == "iommu");
        Assert.Equal(Verdict.Fail, iommu.Verdict);
        Assert.Contains("/sys/kernel/iommu_groups is empty", iommu.Found);
        Assert.Contains("virt-host-validate: QEMU: Checking if IOMMU is enabled by kernel : WARN", iommu.Found);
        Assert.Contains("intel_iommu=on", iommu.Fix);
        Assert.Equal(Verdict.Fail, Assert.Single(checks, c => c.Check == "vfio").Verdict);
        Assert.DoesNotContain(checks, c => c.Check == "iommu-group");
    }

    [Fact]
    public async Task PreflightReportsEveryFailingHostAtOnce()
    {
        var spec = SpecSamples.Agc(16);
        var hosts = new List<HostFacts>();
        foreach (var h in spec.Hosts)
        {
            hosts.Add(await HostSamples.RecordedAsync(h.Name, h.Name switch
            {
                "agc03" => HostSamples.OldFirmware,
                "agc11" => HostSamples.IommuOff,
                _ => HostSamples.Updated,
            }));
        }

        var report = Preflight.Run(spec, hosts);

        Assert.True(report.HasFailures);
        Assert.Equal(["agc03", "agc11"], report.Failures.Select(f => f.Host).Distinct());
        Assert.EndsWith("preflight failed on 2 host(s): agc03, agc11\n", report.RenderTable());
    }

    [Fact]
    public async Task AnHcaSharingItsGroupWithAnotherDeviceFails()
    {
        var facts = await HostSamples.RecordedAsync("agc02");
        var nic = new NodeDevice("pci_0000_05_00_1", PciAddress.Parse("0000:05:00.1"), 0x15b3, 0x6750, 0x020000, "mlx4_en", 13, []);
        var port = new NodeDevice("pci_0000_00_07_0", PciAddress.Parse("0000:00:07.0"), 0x8086, 0x340e, 0x060400, "pcieport", 13, []);
        facts = facts with { Hca = facts.Hca! with { OtherGroupMembers = [new IommuGroupPeer(port.Address, port), new IommuGroupPeer(nic.Address, nic)] } };

        var check = Assert.Single(Preflight.CheckHost(SpecSamples.Agc(), facts), c => c.Check == "iommu-group");

        Assert.Equal(Verdict.Fail, check.Verdict);
        Assert.Contains("IOMMU group 13 also holds 0000:05:00.1 (pci_0000_05_00_1, class 0x020000, driver mlx4_en)", check.Found);
        Assert.DoesNotContain("00:07.0", check.Found);
    }

    [Fact]
    public async Task BridgesSharingTheGroupPass()
    {
        var facts = await HostSamples.RecordedAsync("agc02");
        var port = new NodeDevice("pci_0000_00_07_0", PciAddress.Parse("0000:00:07.0"), 0x8086, 0x340e, 0x060400, "pcieport", 13, []);
        facts = facts with { Hca = facts.Hca! with { OtherGroupMembers = [new IommuGroupPeer(port.Address, port)] } };

        var check = Assert.Single(Preflight.CheckHost(SpecSamples.Agc(), facts), c => c.Check == "iommu-group");

        Assert.Equal(Verdict.Pass, check.Verdict);
        Assert.Equal("IOMMU group 13 holds the HCA and bridges 0000:00:07.0", check.Found);
    }

    [Fact]
    public async Task AGroupPeerLibvirtDoesNotDescribeIsAWarning()
    {
        var facts = await HostSamples.RecordedAsync("agc02");
        facts = facts with { Hca = facts.Hca! with { OtherGroupMembers = [new IommuGroupPeer(PciAddress.Parse("0000:05:00.1"), null)] } };

        Assert.Equal(Verdict.Warn, Assert.Single(Preflight.CheckHost(SpecSamples.Agc(), facts), c => c.Check == "iommu-group").Verdict);
    }

    [Fact]
    public async Task WhenHugePagesAreAskedButNoneAreFreePreflightFails()
    {
        var spec = SpecSamples.Agc() with { Node = new NodeSizing(null, 45 * SpecSamples.GiB, 0, HugePages.TwoMiB) };

        var check = Assert.Single(Preflight.CheckHost(spec, await HostSamples.RecordedAsync("agc01")), c => c.Check == "hugepages");

        Assert.Equal(Verdict.Fail, check.Verdict);
        Assert.Contains("cell 0 needs 11520 free 2 MiB hugepages but has 0", check.Found);
        Assert.Contains("cell 1 needs 11520", check.Found);
    }

    [Fact]
    public async Task HugePagesFreeInEveryCellPass()
    {
        var spec = SpecSamples.Agc() with { Node = new NodeSizing(null, 45 * SpecSamples.GiB, 0, HugePages.TwoMiB) };
        var facts = HostSamples.WithFreeHugePages(await HostSamples.RecordedAsync("agc01"), 2048, 11520, 11520);

        Assert.Equal(Verdict.Pass, Assert.Single(Preflight.CheckHost(spec, facts), c => c.Check == "hugepages").Verdict);
    }

    [Fact]
    public async Task VirtioIoSkipsThePassthroughChecks()
    {
        var spec = SpecSamples.Agc() with { Io = IoMode.Virtio };

        var checks = Preflight.CheckHost(spec, await HostSamples.RecordedAsync("agc05", HostSamples.IommuOff));

        Assert.Equal(["hypervisor", "vcpus", "memory"], checks.Select(c => c.Check));
        Assert.All(checks, c => Assert.Equal(Verdict.Pass, c.Verdict));
    }

    [Fact]
    public async Task KvmAskedOnAHostWithoutVmxFails()
    {
        var facts = HostSamples.WithoutHardwareVirtualisation(await HostSamples.RecordedAsync("agc01"));

        var kvm = Preflight.CheckHost(SpecSamples.Agc() with { Hypervisor = HypervisorChoice.Kvm }, facts)[0];
        var auto = Preflight.CheckHost(SpecSamples.Agc(), facts)[0];

        Assert.Equal(Verdict.Fail, kvm.Verdict);
        Assert.Contains("no vmx/svm", kvm.Found);
        Assert.Equal(Verdict.Warn, auto.Verdict);
        Assert.Contains("TCG", auto.Found);
    }

    [Fact]
    public async Task XenAskedOnAKvmHostFailsAndPassesOnADom0()
    {
        var kvmHost = await HostSamples.RecordedAsync("agc01");
        var dom0 = kvmHost with { Capabilities = kvmHost.Capabilities with { GuestDomainTypes = new HashSet<string> { "xen" } } };
        var spec = SpecSamples.Agc() with { Hypervisor = HypervisorChoice.XenHvm };

        var onKvm = Preflight.CheckHost(spec, kvmHost)[0];
        var onDom0 = Preflight.CheckHost(spec, dom0)[0];

        Assert.Equal(Verdict.Fail, onKvm.Verdict);
        Assert.Contains("no xen domain type", onKvm.Found);
        Assert.Equal(Verdict.Pass, onDom0.Verdict);
    }

    [Fact]
    public async Task MemoryAboveTheHostFails()
    {
        var spec = SpecSamples.Agc() with { Node = new NodeSizing(null, 64 * SpecSamples.GiB, 0, HugePages.None) };

        var check = Assert.Single(Preflight.CheckHost(spec, await HostSamples.RecordedAsync("agc01")), c => c.Check == "memory");

        Assert.Equal(Verdict.Fail, check.Verdict);
        Assert.Equal("agc01: 64 GiB of node memory is more than the host's 47.08 GiB; lower the node memory", check.Message);
    }

    [Fact]
    public async Task MoreVcpusThanHostCpusFails()
    {
        var spec = SpecSamples.Agc() with { Node = new NodeSizing(12, 45 * SpecSamples.GiB, 0, HugePages.None) };

        var check = Assert.Single(Preflight.CheckHost(spec, await HostSamples.RecordedAsync("agc01")), c => c.Check == "vcpus");

        Assert.Equal(Verdict.Fail, check.Verdict);
        Assert.Contains("12 vCPUs per node but the host has 8 CPUs", check.Found);
    }

    [Fact]
    public async Task JsonCarriesEveryCheckAndTheFailureFlag()
    {
        var report = Preflight.Run(SpecSamples.Agc(), [await HostSamples.RecordedAsync("agc03", HostSamples.OldFirmware)]);

        using var json = JsonDocument.Parse(report.ToJson());

        Assert.True(json.RootElement.GetProperty("hasFailures").GetBoolean());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(report.Checks.Count, checks.Count);
        var firmware = checks.Single(c => c.GetProperty("check").GetString() == "hca-firmware");
        Assert.Equal("fail", firmware.GetProperty("verdict").GetString());
        Assert.Equal("agc03", firmware.GetProperty("host").GetString());
    }

    [Fact]
    public async Task TheTableHasOneRowPerCheckUnderAHeader()
    {
        var report = Preflight.Run(SpecSamples.Agc(), [await HostSamples.RecordedAsync("agc01")]);

        var lines = report.RenderTable().TrimEnd('\n').Split('\n');

        Assert.StartsWith("HOST   CHECK         VERDICT  FOUND", lines[0]);
        Assert.StartsWith("agc01  hca-firmware  PASS     HCA firmware 2.7.80 >= 2.7.80", lines[5]);
        Assert.Equal("preflight passed: 8 checks, 0 warnings", lines[^1]);
    }
}
