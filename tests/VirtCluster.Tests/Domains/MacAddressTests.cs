using VirtCluster.Domains;

namespace VirtCluster.Tests.Domains;

public sealed class MacAddressTests
{
    [Fact]
    public void TheSameNodeAlwaysGetsTheSameMac()
    {
        Assert.Equal(MacAddress.Derive("agc16-sim", "agc16-sim-agc01"), MacAddress.Derive("agc16-sim", "agc16-sim-agc01"));
    }

    [Fact]
    public void SixteenNodesGetSixteenMacsInTheQemuRange()
    {
        var macs = Enumerable.Range(1, 16).Select(i => MacAddress.Derive("agc16-sim", $"agc16-sim-agc{i:00}").ToString()).ToList();

        Assert.Equal(16, macs.Distinct().Count());
        Assert.All(macs, m => Assert.Matches("^52:54:00:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}$", m));
    }

    [Fact]
    public void AnotherStackGivesTheSameNodeNameAnotherMac()
    {
        Assert.NotEqual(MacAddress.Derive("a", "node"), MacAddress.Derive("b", "node"));
    }

    [Fact]
    public void ParsedMacPrintsBack()
    {
        Assert.Equal("52:54:00:0a:bc:de", MacAddress.Parse("52:54:00:0A:BC:DE").ToString());
        Assert.Throws<FormatException>(() => MacAddress.Parse("02:00:00:00:00:01"));
    }
}
