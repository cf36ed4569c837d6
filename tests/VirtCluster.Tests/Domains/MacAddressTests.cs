using VirtCluster.Domains;

namespace VirtCluster.Tests.Domains;

/// <summary>
/// A node's MAC names its DHCP reservation, so the derivation must never change under an existing cluster. The
/// expected values were computed outside the code: the last three bytes are the first three of
/// <c>printf %s STACK/NODE | sha256sum</c> (e.g. <c>local/local-local-0</c> hashes to <c>0368cf…</c>).
/// </summary>
public sealed class MacAddressTests
{
    [Theory]
    [InlineData("local", "local-local-0", "52:54:00:03:68:cf")]
    [InlineData("local", "local-local-1", "52:54:00:30:b5:fb")]
    [InlineData("agc16", "agc16-agc01", "52:54:00:43:3d:35")]
    [InlineData("agc16", "agc16-agc16", "52:54:00:e9:02:31")]
    [InlineData("agc16-sim", "agc16-sim-agc01", "52:54:00:d8:87:e0")]
    public void NamedNodesOfTheLocalAndAgc16StacksKeepTheirMacs(string stack, string node, string mac)
    {
        Assert.Equal(mac, MacAddress.Derive(stack, node).ToString());
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
        Assert.Equal("52:54:00:c3:41:30", MacAddress.Derive("a", "node").ToString());
        Assert.Equal("52:54:00:e7:de:0a", MacAddress.Derive("b", "node").ToString());
    }

    [Fact]
    public void ParsedMacPrintsBack()
    {
        Assert.Equal("52:54:00:0a:bc:de", MacAddress.Parse("52:54:00:0A:BC:DE").ToString());
        Assert.Throws<FormatException>(() => MacAddress.Parse("02:00:00:00:00:01"));
    }
}
