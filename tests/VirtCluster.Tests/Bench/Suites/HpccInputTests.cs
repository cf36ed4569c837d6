using VirtCluster.Bench.Suites;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Bench.Suites;

public sealed class HpccInputTests
{
    [Fact]
    public void GeneratedInputForTheExampleSizesEqualsThePackagesExampleByteForByte()
    {
        var example = File.ReadAllText(TestPaths.Fixture("hpcc", "local-debian12-hpcc-1.5.0-3-4ranks-example-input-hpccinf.input"));

        Assert.Equal(example, HpccInput.Generate([1000], [80], [(2, 2)]));
    }

    [Fact]
    public void SeveralSizesAndGridsKeepTheLinePositionsHplReads()
    {
        var lines = HpccInput.Generate([2000, 4000], [80, 128], [(1, 2), (2, 2)]).Split('\n');

        Assert.Equal("2            # of problems sizes (N)", lines[4]);
        Assert.Equal("2000 4000    Ns", lines[5]);
        Assert.Equal("80 128       NBs", lines[7]);
        Assert.Equal("2            # of process grids (P x Q)", lines[9]);
        Assert.Equal("1 2          Ps", lines[10]);
        Assert.Equal("2 2          Qs", lines[11]);
        Assert.StartsWith("##### This line (no. 32)", lines[31]);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(4, 2, 2)]
    [InlineData(6, 2, 3)]
    [InlineData(7, 1, 7)]
    [InlineData(64, 8, 8)]
    public void SquarestGridMultipliesToTheProcessCount(int processes, int p, int q) =>
        Assert.Equal((p, q), HpccInput.SquarestGrid(processes));

    [Fact]
    public void EmptySizesAreRejected() =>
        Assert.Throws<ArgumentException>(() => HpccInput.Generate([], [80], [(1, 1)]));
}
