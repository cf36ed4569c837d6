using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;
using static VirtCluster.Tests.Bench.Parsers.ParserTestData;

namespace VirtCluster.Tests.Bench.Parsers;

public sealed class NetPipeParserTests
{
    private const double BytesPerMbps = 1024.0 * 1024.0 / 8;
    private const string Folder = "netpipe";
    private readonly NetPipeParser _parser = new();

    [Fact]
    public void StderrProgressLinesGiveLatencyAndBandwidthPerSize()
    {
        var result = ParseFixture(_parser, Folder, "local-debian12-NPopenmpi-3.7.2-2ranks-shm-stderr.txt");

        Assert.Equal(248, result.Samples.Count);
        Assert.Equal(3.60, result.Single("latency", 1).Value);
        AssertClose(2.12 * BytesPerMbps, result.Single("bandwidth", 1).Value);
        Assert.Equal(5903.90, result.Single("latency", 8388611).Value);
        AssertClose(10840.30 * BytesPerMbps, result.Single("bandwidth", 8388611).Value);
        Assert.Equal(new ParsedRun("NetPIPE", 1, RunStatus.Ok), Assert.Single(result.Runs));
    }

    [Fact]
    public void NpOutRowsGiveTheSameQuantities()
    {
        var result = ParseFixture(_parser, Folder, "local-debian12-NPopenmpi-3.7.2-2ranks-shm-np.out.txt");

        Assert.Equal(248, result.Samples.Count);
        AssertClose(3.60, result.Single("latency", 1).Value);
        AssertClose(2.119632 * BytesPerMbps, result.Single("bandwidth", 1).Value);
        AssertClose(4831.19, result.Single("latency", 8388608).Value);

        // Mbps is bits per one-way time in 2^20 units, so B/s must equal bytes / one-way time.
        var bandwidth = result.Single("bandwidth", 8388608).Value;
        Assert.Equal(8388608 / 0.00483119, bandwidth, bandwidth * 1e-5);
    }

    [Fact]
    public void StdoutAloneHasNoMeasurementsAndSaysWhereTheyAre()
    {
        var result = ParseFixture(_parser, Folder, "local-debian12-NPopenmpi-3.7.2-2ranks-shm-stdout.txt");

        Assert.Empty(result.Samples);
        var run = Assert.Single(result.Runs);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(1, run.Line);
        Assert.Contains("stderr", run.Reason);
    }

    [Fact]
    public void MergedStdoutAndStderrCountRanksFromHostLines()
    {
        var folder = VirtCluster.Testing.TestPaths.Fixture(Folder);
        var merged = File.ReadAllText(Path.Combine(folder, "local-debian12-NPopenmpi-3.7.2-2ranks-shm-stdout.txt"))
            + File.ReadAllText(Path.Combine(folder, "local-debian12-NPopenmpi-3.7.2-2ranks-shm-stderr.txt"));

        var result = ParseText(_parser, merged);

        Assert.Equal(248, result.Samples.Count);
        Assert.All(result.Samples, s => Assert.Equal(2, s.Meta.Ranks));
    }

    [Fact]
    public void OlderNpOutFromAnotherMachineIsRead()
    {
        var result = ParseFixture(_parser, Folder, "ompi-fork-np.out-netpipe3-mpi-1B-8MB.txt");

        Assert.Equal(248, result.Samples.Count);
        AssertClose(27.61, result.Single("latency", 1).Value);
        AssertClose(0.276301 * BytesPerMbps, result.Single("bandwidth", 1).Value);
        AssertClose(13895.31, result.Single("latency", 8388611).Value);
        AssertClose(4605.871285 * BytesPerMbps, result.Single("bandwidth", 8388611).Value);
        Assert.All(result.Samples, s => Assert.Equal("NetPIPE", s.Meta.Benchmark));
    }

    [Fact]
    public void TruncatedProgressLineIsAnError()
    {
        var text = "  0:       1 bytes 141939 times -->      2.12 Mbps in       3.60 usec\n  1:       2 bytes  27782 times -->      6.1";

        var error = Assert.Throws<BenchmarkParseException>(() => ParseText(_parser, text, "stderr"));

        Assert.StartsWith("stderr:2: truncated NetPIPE progress line", error.Message);
    }

    [Fact]
    public void NpOutRowWithWrongColumnCountIsAnError()
    {
        var error = Assert.Throws<BenchmarkParseException>(() => ParseText(_parser, "       1 2.119632   0.00000360\n       2 6.12\n", "np.out"));

        Assert.StartsWith("np.out:2: np.out row must have 3 columns", error.Message);
    }
}
