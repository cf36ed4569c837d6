using VirtCluster.Hosts;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Hosts;

public sealed class CapabilitiesParserTests
{
    [Fact]
    public void PaperHostHasTwoSocketsOfFourCoresInTwoCells()
    {
        var caps = CapabilitiesParser.Parse(HostSamples.Read(HostSamples.Updated, "capabilities.xml"));

        Assert.Equal((2, 4, 1), (caps.Sockets, caps.CoresPerSocket, caps.ThreadsPerCore));
        Assert.Equal([0, 1], caps.Cells.Select(c => c.Id));
        Assert.Equal([0, 2, 4, 6], caps.Cells[0].Cpus.Select(c => c.Id));
        Assert.Equal(24595044L * 1024, caps.Cells[0].MemoryBytes);
        Assert.Equal((24595044L + 24772276L) * 1024, caps.MemoryBytes);
        Assert.Contains("kvm", caps.GuestDomainTypes);
        Assert.Equal("x86_64", caps.Arch);
    }

    [Fact]
    public void CpusInTopologyOrderGoCellByCell()
    {
        var caps = CapabilitiesParser.Parse(HostSamples.Read(HostSamples.Updated, "capabilities.xml"));

        Assert.Equal([0, 2, 4, 6, 1, 3, 5, 7], caps.CpusInTopologyOrder.Select(c => c.Id));
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1], caps.CpusInTopologyOrder.Select(c => c.SocketId));
    }

    [Fact]
    public void FreeHugePagesAreReadPerCellAndSize()
    {
        var caps = CapabilitiesParser.Parse(HostSamples.Read(HostSamples.Updated, "capabilities.xml"));

        Assert.Equal(6148761, caps.Cells[0].FreePages(4));
        Assert.Equal(0, caps.Cells[1].FreePages(2048));
        Assert.Equal(0, caps.Cells[1].FreePages(1048576));
    }

    [Fact]
    public void TestDriverDefaultCapabilitiesGiveTwoCellsOfEightCpus()
    {
        var xml = Virsh.TestDriver("test:///default", "capabilities");

        var caps = CapabilitiesParser.Parse(xml);

        Assert.Equal(2, caps.Cells.Count);
        Assert.Equal(16, caps.CpusInTopologyOrder.Count);
        Assert.Equal(2, caps.Sockets);
        Assert.Equal((2097152L + 4194304L) * 1024, caps.MemoryBytes);
    }

    [Fact]
    public void CapabilitiesWithoutNumaCellsAreRefusedWithTheReason()
    {
        // libvirt's test driver serving a custom host XML reports no cells: there is nothing to plan from.
        var dir = Directory.CreateTempSubdirectory("vc-caps-");
        try
        {
            var host = Path.Combine(dir.FullName, "host.xml");
            File.WriteAllText(host, "<node><cpu><mhz>2533</mhz><model>x86_64</model><active>8</active><nodes>2</nodes><sockets>1</sockets><cores>4</cores><threads>1</threads></cpu><memory>50331648</memory></node>");
            var xml = Virsh.TestDriver($"test://{host}", "capabilities");

            var e = Assert.Throws<FormatException>(() => CapabilitiesParser.Parse(xml));

            Assert.Contains("no NUMA cells", e.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void MalformedXmlIsReportedAsCapabilitiesXml()
    {
        var e = Assert.Throws<FormatException>(() => CapabilitiesParser.Parse("<capabilities><host>"));

        Assert.StartsWith("capabilities XML: not well-formed", e.Message);
    }
}
