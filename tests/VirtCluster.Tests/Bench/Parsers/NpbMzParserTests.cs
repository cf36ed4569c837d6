using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;
using static VirtCluster.Tests.Bench.Parsers.ParserTestData;

namespace VirtCluster.Tests.Bench.Parsers;

public sealed class NpbMzParserTests
{
    private readonly NpbMzParser _parser = new();

    [Fact]
    public void JobScriptWithManyRunsGivesOneTimePerCompletedRun()
    {
        var result = ParseText(_parser, NpbMzOutputs.JobScript());

        var times = result.Samples.Where(s => s.Metric == "time").ToList();
        Assert.Equal([86.45, 44.12, 132.06], times.Select(s => s.Value));
        Assert.Equal(["SP-MZ", "SP-MZ", "BT-MZ"], times.Select(s => s.Meta.Benchmark));
        Assert.Equal(["3.3", "3.3", "3.4"], times.Select(s => s.Meta.BenchmarkVersion));
        Assert.Equal([4, 8, 4], times.Select(s => s.Meta.Ranks));
        Assert.All(times, s => Assert.Equal(2, s.Meta.Threads));
        Assert.All(times, s => Assert.Equal(Units.Seconds, s.Unit));
        Assert.All(times, s => Assert.Equal("C", s.Meta.Parameters["class"]));
    }

    [Fact]
    public void KilledRunIsReportedAndInventsNoNumber()
    {
        var result = ParseText(_parser, NpbMzOutputs.JobScript());

        Assert.Equal(4, result.Runs.Count);
        var killed = result.Runs[2];
        Assert.Equal(RunStatus.Failed, killed.Status);
        Assert.StartsWith("incomplete: no 'Benchmark Completed.' block", killed.Reason);
        Assert.DoesNotContain(result.Samples, s => s.Meta.Ranks == 16);
        Assert.Equal([RunStatus.Ok, RunStatus.Ok, RunStatus.Ok], result.Runs.Where((_, i) => i != 2).Select(r => r.Status));
    }

    [Fact]
    public void MopsTotalAndMopsPerThreadAreNotConfused()
    {
        var result = ParseText(_parser, NpbMzOutputs.JobScript());

        var first = result.Samples.Where(s => s.Meta.Ranks == 4 && s.Meta.Benchmark == "SP-MZ").ToDictionary(s => s.Metric, s => s.Value);
        Assert.Equal(17205.61, first["mops_total"]);
        Assert.Equal(2150.70, first["mops_per_thread"]);
    }

    [Fact]
    public void BannerLinesAreRecordedAsRunStarts()
    {
        var result = ParseText(_parser, NpbMzOutputs.JobScript());

        Assert.Equal("SP-MZ class C (NPB 3.3 MPI+OpenMP)", result.Runs[0].Name);
        Assert.Equal(4, result.Runs[0].Line);
        Assert.Equal("BT-MZ class C (NPB 3.4 MPI+OpenMP)", result.Runs[3].Name);
    }

    [Fact]
    public void OpenMpBuildWithoutProcessesGivesAllThreads()
    {
        var text = " NAS Parallel Benchmarks (NPB3.3-MZ-OMP) - SP-MZ OpenMP Benchmark\n"
            + NpbMzOutputs.Completed("SP-MZ", "3.3", 1, 8, "95.10", "15642.71", "1955.34").Replace("Total processes", "Total o_threads");

        var time = ParseText(_parser, text).Single("time");

        Assert.Equal(95.10, time.Value);
        Assert.Null(time.Meta.Ranks);
        Assert.Equal(8, time.Meta.Threads);
        Assert.Equal("OpenMP", time.Meta.Parameters["build"]);
    }

    [Fact]
    public void UnsuccessfulVerificationFailsTheRunWithoutSamples()
    {
        var text = " NAS Parallel Benchmarks (NPB3.3-MZ-MPI) - BT-MZ MPI+OpenMP Benchmark\n"
            + NpbMzOutputs.Completed("BT-MZ", "3.3", 4, 2, "130.00", "23000.00", "2875.00", "UNSUCCESSFUL");

        var result = ParseText(_parser, text);

        Assert.Empty(result.Samples);
        Assert.Equal(new ParsedRun("BT-MZ class C (NPB 3.3 MPI+OpenMP)", 1, RunStatus.Failed, "verification UNSUCCESSFUL"), Assert.Single(result.Runs));
    }

    [Fact]
    public void GarbledTimeIsAnErrorNamingItsLine()
    {
        var text = " NAS Parallel Benchmarks (NPB3.3-MZ-MPI) - SP-MZ MPI+OpenMP Benchmark\n"
            + NpbMzOutputs.Completed("SP-MZ", "3.3", 4, 2, "8#.45", "17205.61", "2150.70");

        var error = Assert.Throws<BenchmarkParseException>(() => ParseText(_parser, text, "npb.out"));

        Assert.Equal("npb.out:6: Time in seconds: '8#.45' is not a number", error.Message);
    }
}
