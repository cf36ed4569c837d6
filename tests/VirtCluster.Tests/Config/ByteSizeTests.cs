using VirtCluster.Config;

namespace VirtCluster.Tests.Config;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("45GiB", 48318382080L)]
    [InlineData("512MiB", 536870912L)]
    [InlineData("1 TiB", 1099511627776L)]
    [InlineData("64KiB", 65536L)]
    public void BinaryUnitsParse(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("45GB")]
    [InlineData("45")]
    [InlineData("1.5GiB")]
    [InlineData("-1GiB")]
    [InlineData("99999999999999999TiB")]
    public void AmbiguousOrMalformedSizesAreRefused(string text) => Assert.False(ByteSize.TryParse(text, out _));

    [Theory]
    [InlineData(48318382080L, "45GiB")]
    [InlineData(1536L * 1024 * 1024, "1536MiB")]
    [InlineData(3L * 1024 * 1024 * 1024 * 1024, "3TiB")]
    public void SizesFormatInTheLargestExactUnit(long bytes, string text) => Assert.Equal(text, ByteSize.Format(bytes));
}
