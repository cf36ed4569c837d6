using VirtCluster.Bench.Check;
using VirtCluster.Bench.Results;

namespace VirtCluster.Tests.Bench.Check;

public sealed class BenchCheckCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("virtcluster-check-").FullName;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public void Dispose()
    {
        _stdout.Dispose();
        _stderr.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void ARegressionExitsOneAndPrintsEveryMetricWithItsVerdict()
    {
        var baseline = Write("baseline", CheckResults.File("base-run", [CheckResults.Latency(10), CheckResults.Bandwidth(1e9), CheckResults.Time(100)]));
        var current = Write("current", CheckResults.File("new-run", [CheckResults.Latency(12), CheckResults.Bandwidth(1.5e9), CheckResults.Time(101)]));

        var exit = BenchCheckCommand.Run(baseline, current, [], _stdout, _stderr);

        Assert.Equal(BenchCheckCommand.Regressed, exit);
        Assert.Equal(1, exit);
        var lines = _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(2).ToArray();
        Assert.Equal(
            [
                "ENVIRONMENT  BENCHMARK  METRIC            POINT                        BASELINE      NOW  UNIT   CHANGE  TOL  VERDICT",
                "local        IMB        PingPong.latency  inter-node, 0 B, np 2              10       12  us    +20.0 %  5 %  REGRESSED",
                "local        NetPIPE    bandwidth         inter-node, 8388608 B           1E+09  1.5E+09  B/s   +50.0 %  5 %  improved",
                "local        SP-MZ      time              1 nodes, np 4, t 2, class=C       100      101  s      +1.0 %  5 %  ok",
                "3 metrics: 1 ok, 1 improved, 1 regressed, 0 missing, 0 new",
                "check FAILED",
            ],
            lines);
        Assert.Equal("", _stderr.ToString());
    }

    [Fact]
    public void ImprovementsAloneExitZero()
    {
        var baseline = Write("baseline", CheckResults.File("a", [CheckResults.Latency(10)]));
        var current = Write("current", CheckResults.File("b", [CheckResults.Latency(8)]));

        Assert.Equal(0, BenchCheckCommand.Run(baseline, current, [], _stdout, _stderr));
        Assert.Contains("-20.0 %  5 %  improved", _stdout.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("check passed" + Environment.NewLine, _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingMetricExitsOneAndNamesTheFailedRunsReason()
    {
        var baseline = Write("baseline", CheckResults.File("a", [CheckResults.Latency(10), CheckResults.Time(100)]));
        var current = Write("current", CheckResults.File("b", [CheckResults.Latency(10)], null, CheckResults.Failed("sp-mz/np4/rep1", "SP-MZ", "timed out after 30m")));

        var exit = BenchCheckCommand.Run(baseline, current, [], _stdout, _stderr);

        Assert.Equal(1, exit);
        var output = _stdout.ToString();
        var missing = Assert.Single(output.Split(Environment.NewLine), l => l.Contains("SP-MZ", StringComparison.Ordinal));
        Assert.Equal(
            ["local", "SP-MZ", "time", "1", "nodes,", "np", "4,", "t", "2,", "class=C", "100", "-", "s", "5", "%", "MISSING"],
            missing.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("failed run sp-mz/np4/rep1 (local): timed out after 30m", output, StringComparison.Ordinal);
        Assert.Contains("2 metrics: 1 ok, 0 improved, 0 regressed, 1 missing, 0 new", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AWiderToleranceTurnsTheSameChangeIntoAPass()
    {
        var baseline = Write("baseline", CheckResults.File("a", [CheckResults.Latency(10)]));
        var current = Write("current", CheckResults.File("b", [CheckResults.Latency(12)]));

        Assert.Equal(0, BenchCheckCommand.Run(baseline, current, ["PingPong.latency=25"], _stdout, _stderr));
    }

    [Fact]
    public void AnUnreadableBaselineExitsTwoNamingTheFile()
    {
        var current = Write("current", CheckResults.File("b", [CheckResults.Latency(10)]));
        var broken = Path.Combine(_directory, "broken.json");
        File.WriteAllText(broken, "{ \"schemaVersion\": 1, ");

        Assert.Equal(2, BenchCheckCommand.Run(broken, current, [], _stdout, _stderr));
        Assert.StartsWith("error: " + broken, _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ABadToleranceExitsTwo()
    {
        var results = Write("results", CheckResults.File("a", [CheckResults.Latency(10)]));

        Assert.Equal(2, BenchCheckCommand.Run(results, results, ["latency"], _stdout, _stderr));
        Assert.Contains("expected METRIC=PCT", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutCurrentResultsItExitsTwoAndSaysHowToGetThem()
    {
        var results = Write("results", CheckResults.File("a", [CheckResults.Latency(10)]));

        Assert.Equal(2, BenchCheckCommand.Run(results, null, [], _stdout, _stderr));
        Assert.Contains("--current", _stderr.ToString(), StringComparison.Ordinal);
    }

    private string Write(string name, ResultsFile results)
    {
        var path = Path.Combine(_directory, name + ".results.json");
        ResultsJson.Write(results, path);
        return path;
    }
}
