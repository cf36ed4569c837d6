using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;
using static VirtCluster.Tests.Bench.Parsers.ParserTestData;

namespace VirtCluster.Tests.Bench.Parsers;

public sealed class HpccParserTests
{
    private readonly HpccParser _parser = new();

    [Fact]
    public void DebianRunSummaryGivesEveryKernelInBaseUnits()
    {
        var result = ParseFixture(_parser, "hpcc", "local-debian12-hpcc-1.5.0-3-4ranks-example-input-hpccoutf.txt");

        Assert.Equal(new ParsedRun("HPCC 1.5.0", 430, RunStatus.Ok), Assert.Single(result.Runs));
        Assert.Equal(32, result.Samples.Count);
        AssertClose(1.12316, result.Single("HPL").Value);
        Assert.Equal(Units.GigaflopsPerSecond, result.Single("HPL").Unit);
        Assert.Equal(0.5949, result.Single("HPL_time").Value);
        Assert.Equal(0.775415, result.Single("StarDGEMM").Value);
        Assert.Equal(1.49416, result.Single("SingleDGEMM").Value);
        AssertClose(0.434001e9, result.Single("PTRANS").Value);
        Assert.Equal(0.000335653, result.Single("MPIRandomAccess").Value);
        Assert.Equal(0.190339, result.Single("StarRandomAccess").Value);
        AssertClose(61.7892e9, result.Single("StarSTREAM_Triad").Value);
        Assert.Equal(0.337354, result.Single("MPIFFT").Value);
        Assert.Equal(1.66869, result.Single("MinPingPongLatency").Value);
        AssertClose(10.0772e9, result.Single("MaxPingPongBandwidth").Value);
        Assert.All(result.Samples, s => Assert.Equal(new SampleMeta("HPCC", "1.5.0", Ranks: 4), s.Meta));
    }

    [Fact]
    public void SummaryAfterLauncherNoiseIsFound()
    {
        var result = ParseFixture(_parser, "hpcc", "akrr-hpcc1.4.2-appstdout-with-exebinsig.txt");

        Assert.Equal(new ParsedRun("HPCC 1.4.2", 438, RunStatus.Ok), Assert.Single(result.Runs));
        AssertClose(3532.37, result.Single("HPL").Value);
        Assert.Equal(128, result.Samples[0].Meta.Ranks);
        Assert.Equal(47.6353, result.Single("StarDGEMM").Value);
        Assert.Equal(0.304646, result.Single("MinPingPongLatency").Value);
        AssertClose(11.3848e9, result.Single("AvgPingPongBandwidth").Value);
    }

    [Fact]
    public void PerfKitSampleIsRead()
    {
        var result = ParseFixture(_parser, "hpcc", "pkb-hpcc-sample.txt");

        Assert.Equal(RunStatus.Ok, Assert.Single(result.Runs).Status);
        AssertClose(33.1844, result.Single("HPL").Value);
        AssertClose(5.92076e9, result.Single("StarSTREAM_Triad").Value);
        Assert.Equal(0.384119, result.Single("MaxPingPongLatency").Value);
        Assert.Equal(4, result.Samples[0].Meta.Ranks);
    }

    [Fact]
    public void ExponentsAreReadAndEmptyValuesAreAbsentNotZero()
    {
        var result = ParseText(_parser, Summary("Success=1\nCommWorldProcs=2\nHPL_Tflops=1.2e-05\nStarDGEMM_Gflops=\n"));

        AssertClose(0.012, result.Single("HPL").Value);
        Assert.DoesNotContain(result.Samples, s => s.Metric == "StarDGEMM");
    }

    [Theory]
    [InlineData("Success=0\n", "HPCC reported failure (Success=0)")]
    [InlineData("Success=1\nFailure=1\n", "HPCC reported failure (Success=1, Failure=1)")]
    public void ReportedFailureFailsTheRun(string lines, string reason)
    {
        var result = ParseText(_parser, Summary(lines + "HPL_Tflops=0.5\n"));

        Assert.Empty(result.Samples);
        Assert.Equal(new ParsedRun("HPCC", 2, RunStatus.Failed, reason), Assert.Single(result.Runs));
    }

    [Fact]
    public void RunWithoutSummaryIsReportedIncomplete()
    {
        var text = "This is the DARPA/DOE HPC Challenge Benchmark version 1.5.0 October 2012\nBegin of HPL section.\n";

        var run = Assert.Single(ParseText(_parser, text).Runs);

        Assert.Equal(new ParsedRun("HPCC", 1, RunStatus.Failed, "incomplete: no summary section (HPCC stopped before the end)"), run);
    }

    [Fact]
    public void TruncatedSummaryIsAnError()
    {
        var error = Assert.Throws<BenchmarkParseException>(() =>
            ParseText(_parser, "Begin of Summary section.\nSuccess=1\nHPL_Tfl", "hpccoutf.txt"));

        Assert.Equal("hpccoutf.txt:3: summary line 'HPL_Tfl' is not key=value", error.Message);
    }

    [Fact]
    public void SummaryWithoutEndIsAnError()
    {
        var error = Assert.Throws<BenchmarkParseException>(() =>
            ParseText(_parser, "Begin of Summary section.\nSuccess=1\n", "hpccoutf.txt"));

        Assert.Equal("hpccoutf.txt:1: summary section has no 'End of Summary section.' line (output truncated)", error.Message);
    }

    [Fact]
    public void MinusOneIsWhatHpccCouldNotMeasureOnOneProcessAndGivesNoSample()
    {
        // The summary of hpcc 1.5.0 (Debian 12) run by 'mpirun -np 1': no pair of processes for PingPong.
        var result = ParseText(_parser, Summary(
            "CommWorldProcs=1\nHPL_Tflops=0.000318121\nMaxPingPongLatency_usec=-1\nMinPingPongLatency_usec=-1\nMaxPingPongBandwidth_GBytes=-1\nSuccess=1\n"));

        var hpl = Assert.Single(result.Samples);
        Assert.Equal(("HPL", 1), (hpl.Metric, hpl.Meta.Ranks));
        Assert.Equal(0.318121, hpl.Value, 1e-12);
        Assert.Equal(RunStatus.Ok, Assert.Single(result.Runs).Status);
    }

    [Fact]
    public void NonNumericValueOfAKnownKeyIsAnError()
    {
        var error = Assert.Throws<BenchmarkParseException>(() => ParseText(_parser, Summary("HPL_Tflops=fast\n")));

        Assert.Equal("test-output.txt:3: HPL_Tflops: 'fast' is not a number", error.Message);
    }

    private static string Summary(string lines) => "Hostname: 'vm'\nBegin of Summary section.\n" + lines + "End of Summary section.\n";
}
