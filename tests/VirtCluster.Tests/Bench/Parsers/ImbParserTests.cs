using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;
using static VirtCluster.Tests.Bench.Parsers.ParserTestData;

namespace VirtCluster.Tests.Bench.Parsers;

public sealed class ImbParserTests
{
    private readonly ImbParser _parser = new();

    [Fact]
    public void ClassicPingPongTableOf2018GivesLatencyAndDecimalBandwidth()
    {
        var result = ParseFixture(_parser, "imb", "stackhpc-imb2018u1-pingpong-2nodes-ib-ompi3.txt");

        var run = Assert.Single(result.Runs);
        Assert.Equal(new ParsedRun("IMB 2018 Update 1, MPI-1 part", 3, RunStatus.Ok), run);
        Assert.Equal(72, result.Samples.Count);
        var latency = result.Single("PingPong.latency", 0);
        Assert.Equal(1.10, latency.Value);
        Assert.Equal(Units.Microseconds, latency.Unit);
        Assert.Equal(new SampleMeta("IMB", "2018 Update 1", Ranks: 2, MessageSizeBytes: 0), latency.Meta);
        Assert.Equal(351.22, result.Single("PingPong.t", 4194304).Value);
        AssertClose(11942.17e6, result.Single("PingPong.bandwidth", 4194304).Value);
    }

    [Fact]
    public void BandwidthOf2018AndLaterIsBytesOverTimeInDecimalMegabytes()
    {
        var result = ParseFixture(_parser, "imb", "stackhpc-imb2019u5-pingpong-2nodes-ib-ompi4.txt");

        Assert.Equal("2019 Update 5", result.Samples[0].Meta.BenchmarkVersion);
        Assert.Equal(0.84, result.Single("PingPong.latency", 0).Value);
        var bandwidth = result.Single("PingPong.bandwidth", 4194304).Value;
        AssertClose(11943.91e6, bandwidth);

        // IMB computes bytes / t; with 10^6 B/MB the printed value matches to its two decimals.
        Assert.Equal(4194304 / 351.17e-6, bandwidth, bandwidth * 1e-5);
    }

    [Fact]
    public void MultiPingPongTableIsMappedByItsMinMaxAvgColumns()
    {
        var result = ParseFixture(_parser, "imb", "pkb-imb2019u6-multi-pingpong-1k-2k.txt");

        Assert.Equal(8, result.Samples.Count);
        Assert.Equal(56.92, result.Single("Multi-PingPong.t_min", 1024).Value);
        Assert.Equal(61.39, result.Single("Multi-PingPong.t_max", 1024).Value);
        Assert.Equal(59.15, result.Single("Multi-PingPong.t_avg", 1024).Value);
        AssertClose(29.77e6, result.Single("Multi-PingPong.bandwidth", 2048).Value);
        Assert.All(result.Samples, s => Assert.Equal(4, s.Meta.Ranks));
        Assert.DoesNotContain(result.Samples, s => s.Metric == "PingPong.latency");
    }

    [Fact]
    public void ShowTailPercentileLinesAreSkipped()
    {
        var result = ParseFixture(_parser, "imb", "pkb-imb2019u6-pingpong-show-tail.txt");

        Assert.Equal(10, result.Samples.Count);
        Assert.Equal(1.17, result.Single("PingPong.latency", 0).Value);
        Assert.Equal(1.80, result.Single("PingPong.t_avg", 1024).Value);
        AssertClose(569.96e6, result.Single("PingPong.bandwidth", 1024).Value);
        Assert.Equal(RunStatus.Ok, Assert.Single(result.Runs).Status);
    }

    [Fact]
    public void ConcatenatedMpi1AndExtRunsAreBothReadWithModesAndBarrier()
    {
        var result = ParseFixture(_parser, "imb", "akrr-imb2018-mpi1-all-multi0-8procs.txt");

        Assert.Equal(
            [new ParsedRun("IMB 2018, MPI-1 part", 20, RunStatus.Ok), new ParsedRun("IMB 2018, MPI-2 part", 566, RunStatus.Ok)],
            result.Runs);
        Assert.Equal(2135, result.Samples.Count);
        var multi = result.Single("Multi-PingPong.t_avg", 0);
        Assert.Equal(1.18, multi.Value);
        Assert.Equal(8, multi.Meta.Ranks);
        Assert.Equal(2072.20, result.Single("Allreduce.t_avg", 4194304).Value);
        Assert.Equal(4.41, result.Single("Barrier.t_avg").Value);
        AssertClose(120.54e6, result.Single("Multi-Unidir_Get.aggregate.bandwidth", 128).Value);
        Assert.Equal(15079.70, result.Single("Accumulate.non-aggregate.t_avg", 4194304).Value);
    }

    [Fact]
    public void Version41BandwidthIsConvertedWithBinaryMegabytes()
    {
        var result = ParseText(_parser, Imb41PingPong("       1048576           40       100.00     10000.00\n"));

        Assert.Equal(10000.00 * 1024 * 1024, result.Single("PingPong.bandwidth", 1048576).Value);
        Assert.Equal(100.00, result.Single("PingPong.latency", 1048576).Value);
    }

    [Theory]
    [InlineData("4.1", 1048576.0)]
    [InlineData("3.2.4", 1048576.0)]
    [InlineData("2017", 1048576.0)]
    [InlineData("2018", 1e6)]
    [InlineData("2021.3", 1e6)]
    public void MbyteSizeDependsOnTheVersion(string version, double bytes) =>
        Assert.Equal(bytes, ImbParser.BytesPerMbyte(version));

    [Fact]
    public void CapitalisedMBytesHeaderIsAccepted()
    {
        var text = Imb41PingPong("             8         1000         1.00         8.00\n").Replace("Mbytes/sec", "MBytes/sec");

        Assert.Equal(8.00 * 1024 * 1024, ParseText(_parser, text).Single("PingPong.bandwidth", 8).Value);
    }

    [Fact]
    public void TruncatedRowIsAnErrorNamingItsLine()
    {
        var text = Imb41PingPong("             0         1000         1.10         0.00\n             1         1000  ");

        var error = Assert.Throws<BenchmarkParseException>(() => ParseText(_parser, text, "imb.out"));

        Assert.Equal(12, error.Line);
        Assert.StartsWith("imb.out:12: table row has 2 fields but the header has 4", error.Message);
    }

    [Fact]
    public void UnknownColumnIsAnErrorRatherThanAGuess()
    {
        var text = Imb41PingPong("").Replace("Mbytes/sec", "Gbits/sec");

        var error = Assert.Throws<BenchmarkParseException>(() => ParseText(_parser, text));

        Assert.Contains("unknown column 'Gbits/sec'", error.Message);
    }

    [Fact]
    public void TableWithoutVersionHeaderIsAnErrorBecauseItsUnitIsUnknown()
    {
        var text = "# Benchmarking PingPong\n# #processes = 2\n       #bytes #repetitions      t[usec]   Mbytes/sec\n";

        var error = Assert.Throws<BenchmarkParseException>(() => ParseText(_parser, text));

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void RunWithoutFinalizeLineIsReportedIncomplete()
    {
        var text = Imb41PingPong("             0         1000         1.10         0.00\n").Replace("# All processes entering MPI_Finalize\n", "");

        var run = Assert.Single(ParseText(_parser, text).Runs);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.StartsWith("incomplete", run.Reason);
    }

    [Fact]
    public void NoiseLinesAroundTheOutputAreSkipped()
    {
        var text = "[0] MPI startup(): Multi-threaded optimized library\n+ mpirun -np 2 IMB-MPI1 PingPong\n"
            + "[node1:12345] MCW rank 0 bound to socket 0[core 0[hwt 0]]: [B/././.][./././.]\n"
            + Imb41PingPong("             0         1000         1.10         0.00\n");

        var result = ParseText(_parser, text);

        Assert.Equal(1.10, result.Single("PingPong.latency", 0).Value);
    }

    /// <summary>An IMB 4.1 PingPong output around the given table rows (version header on line 2, table header on line 10).</summary>
    private static string Imb41PingPong(string rows) =>
        "#------------------------------------------------------------\n"
        + "#    Intel (R) MPI Benchmarks 4.1, MPI-1 part    \n"
        + "#------------------------------------------------------------\n"
        + "# Date                  : Mon Jan 10 10:00:00 2011\n"
        + "\n"
        + "#---------------------------------------------------\n"
        + "# Benchmarking PingPong \n"
        + "# #processes = 2 \n"
        + "#---------------------------------------------------\n"
        + "       #bytes #repetitions      t[usec]   Mbytes/sec\n"
        + rows
        + "\n\n# All processes entering MPI_Finalize\n";
}
