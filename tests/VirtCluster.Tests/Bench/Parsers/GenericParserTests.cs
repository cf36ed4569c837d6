using System.Text.RegularExpressions;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;
using static VirtCluster.Tests.Bench.Parsers.ParserTestData;

namespace VirtCluster.Tests.Bench.Parsers;

public sealed class GenericParserTests
{
    [Fact]
    public void RegexParserTurnsEveryMatchIntoAConvertedSample()
    {
        var parser = new RegexParser("bloss", "time", new Regex(@"Elapsed time = (?<value>[0-9.]+) min"), Units.Seconds, 60);

        var result = ParseText(parser, "starting\nstep 1\nElapsed time = 21.00 min\nrerun\nElapsed time = 22.5 min\n");

        Assert.Equal([1260.0, 1350.0], result.Samples.Select(s => s.Value));
        Assert.All(result.Samples, s => Assert.Equal(new Sample("time", s.Value, Units.Seconds, s.Meta), s));
        Assert.Equal("bloss", result.Samples[0].Meta.Benchmark);
        Assert.Equal(new ParsedRun("bloss", 3, RunStatus.Ok), Assert.Single(result.Runs));
    }

    [Fact]
    public void RegexWithoutValueGroupIsRejectedWhenConfigured() =>
        Assert.Throws<ArgumentException>(() => new RegexParser("app", "time", new Regex("[0-9]+"), Units.Seconds));

    [Fact]
    public void PatternThatNeverMatchesIsAnError()
    {
        var parser = new RegexParser("app", "time", new Regex(@"T=(?<value>\d+)"), Units.Seconds);

        var error = Assert.Throws<BenchmarkParseException>(() => ParseText(parser, "nothing here\n", "app.out"));

        Assert.Equal(@"app.out:0: pattern /T=(?<value>\d+)/ matched no line", error.Message);
    }

    [Fact]
    public void WallTimeIsReadFromShellPosixAndGnuTimeFormats()
    {
        var text = "real\t1m2.500s\nuser\t0m1.000s\nreal 62.34\n\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:01:02.50\n";

        var result = ParseText(new WallTimeParser("app"), text);

        Assert.Equal([62.5, 62.34, 3662.5], result.Samples.Select(s => s.Value));
        Assert.All(result.Samples, s => Assert.Equal("wall_time", s.Metric));
    }

    [Fact]
    public void OutputWithoutWallTimeIsAnError() =>
        Assert.Throws<BenchmarkParseException>(() => ParseText(new WallTimeParser(), "done\n"));
}
