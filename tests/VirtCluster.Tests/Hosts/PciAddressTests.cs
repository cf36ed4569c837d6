using VirtCluster.Hosts;

namespace VirtCluster.Tests.Hosts;

public sealed class PciAddressTests
{
    [Fact]
    public void ParsedAddressPrintsInSysfsFormAndAsNodeDeviceName()
    {
        var a = PciAddress.Parse("0000:05:00.0");

        Assert.Equal("0000:05:00.0", a.ToString());
        Assert.Equal("pci_0000_05_00_0", a.NodeDeviceName);
    }

    [Fact]
    public void HexComponentsAreRead()
    {
        Assert.Equal(new PciAddress(0, 0x8a, 0x1f, 7), PciAddress.Parse("0000:8a:1f.7"));
    }

    [Theory]
    [InlineData("05:00.0")]
    [InlineData("0000:05:00.8")]
    [InlineData("0000:05:20.0")]
    [InlineData("garbage")]
    public void MalformedAddressesAreRefused(string text)
    {
        Assert.False(PciAddress.TryParse(text, out _));
        Assert.Contains("0000:05:00.0", Assert.Throws<FormatException>(() => PciAddress.Parse(text)).Message);
    }
}
