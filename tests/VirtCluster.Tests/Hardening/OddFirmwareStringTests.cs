using VirtCluster.Config;

namespace VirtCluster.Tests.Hardening;

/// <summary>
/// Firmware strings as tools print them on odd hardware: anything that is not a plain dotted number is not taken for
/// a version (preflight then reports the firmware as unreadable), and zero padding compares as the number it is.
/// </summary>
public sealed class OddFirmwareStringTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("v2.7.80")]
    [InlineData("2.7.80-rc1")]
    [InlineData("2..7")]
    [InlineData("2.7.")]
    [InlineData("-2.7")]
    [InlineData("2.7.9999999999")]
    [InlineData("2,7,80")]
    [InlineData("2.7.80; reboot")]
    [InlineData("N/A")]
    public void AStringThatIsNotADottedNumberIsNotAVersion(string text) =>
        Assert.False(FirmwareVersion.TryParse(text, out _), text);

    [Fact]
    public void ZeroPaddedComponentsCompareAsTheirNumbers()
    {
        Assert.True(FirmwareVersion.TryParse(" 2.07.080 ", out var padded));

        Assert.Equal(FirmwareVersion.Parse("2.7.80"), padded);
        Assert.True(padded >= FirmwareVersion.Parse("2.7.80"));
        Assert.True(FirmwareVersion.Parse("2.6.0") < padded);
    }
}
