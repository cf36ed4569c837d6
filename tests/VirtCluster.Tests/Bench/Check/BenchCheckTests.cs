using VirtCluster.Bench.Check;
using VirtCluster.Bench.Suites;

namespace VirtCluster.Tests.Bench.Check;

public sealed class BenchCheckTests
{
    private static readonly CheckTolerances Standard = CheckTolerances.Standard;

    [Fact]
    public void WhenEveryMetricStaysWithinToleranceTheCheckPasses()
    {
        var baseline = CheckResults.File("a", [CheckResults.Latency(10), CheckResults.Bandwidth(1e9), CheckResults.Time(100)]);
        var current = CheckResults.File("b", [CheckResults.Latency(10.4), CheckResults.Bandwidth(0.96e9), CheckResults.Time(104.9)]);

        var report = BenchCheck.Compare(baseline, current, Standard);

        Assert.True(report.Passed);
        Assert.All(report.Rows, r => Assert.Equal(Verdict.Ok, r.Verdict));
    }

    [Fact]
    public void LatencyThatRisesBeyondToleranceRegresses()
    {
        var report = BenchCheck.Compare(
            CheckResults.File("a", [CheckResults.Latency(10)]), CheckResults.File("b", [CheckResults.Latency(11)]), Standard);

        var row = Assert.Single(report.Rows);
        Assert.Equal(Verdict.Regressed, row.Verdict);
        Assert.Equal(Direction.LowerIsBetter, row.Better);
        Assert.Equal(10.0, row.ChangePercent!.Value, 6);
        Assert.False(report.Passed);
    }

    [Fact]
    public void BandwidthThatRisesIsAnImprovementAndThatFallsIsARegression()
    {
        var baseline = CheckResults.File("a", [CheckResults.Bandwidth(1e9)]);

        var up = BenchCheck.Compare(baseline, CheckResults.File("b", [CheckResults.Bandwidth(1.2e9)]), Standard);
        var down = BenchCheck.Compare(baseline, CheckResults.File("c", [CheckResults.Bandwidth(0.8e9)]), Standard);

        Assert.Equal(Verdict.Improved, Assert.Single(up.Rows).Verdict);
        Assert.True(up.Passed);
        Assert.Equal(Verdict.Regressed, Assert.Single(down.Rows).Verdict);
        Assert.False(down.Passed);
    }

    [Fact]
    public void TimeThatFallsIsAnImprovement()
    {
        var report = BenchCheck.Compare(
            CheckResults.File("a", [CheckResults.Time(100)]), CheckResults.File("b", [CheckResults.Time(80)]), Standard);

        Assert.Equal(Verdict.Improved, Assert.Single(report.Rows).Verdict);
    }

    [Fact]
    public void AMetricOfTheBaselineThatWasNotMeasuredIsMissingAndFailsTheCheck()
    {
        var baseline = CheckResults.File("a", [CheckResults.Latency(10), CheckResults.Time(100)]);
        var current = CheckResults.File("b", [CheckResults.Latency(10)], null, CheckResults.Failed("sp-mz/np4/rep1", "SP-MZ", "verification failed"));

        var report = BenchCheck.Compare(baseline, current, Standard);

        var missing = Assert.Single(report.Rows, r => r.Verdict == Verdict.Missing);
        Assert.Equal("time", missing.Key.Metric);
        Assert.Null(missing.Current);
        Assert.Equal("verification failed", Assert.Single(report.FailedRuns).Reason);
        Assert.False(report.Passed);
    }

    [Fact]
    public void AMetricOnlyInTheCurrentRunIsNewAndDoesNotFailTheCheck()
    {
        var report = BenchCheck.Compare(
            CheckResults.File("a", [CheckResults.Latency(10)]), CheckResults.File("b", [CheckResults.Latency(10), CheckResults.Bandwidth(1e9)]), Standard);

        Assert.Equal(Verdict.New, Assert.Single(report.Rows, r => r.Key.Metric == "bandwidth").Verdict);
        Assert.True(report.Passed);
    }

    [Fact]
    public void RepetitionsAreReducedToTheirMedianSoOneDisturbedRunDoesNotRegress()
    {
        var baseline = CheckResults.File("a", [CheckResults.Latency(10), CheckResults.Latency(10.1), CheckResults.Latency(9.9)]);
        var current = CheckResults.File("b", [CheckResults.Latency(10), CheckResults.Latency(30), CheckResults.Latency(10.2)]);

        var row = Assert.Single(BenchCheck.Compare(baseline, current, Standard).Rows);

        Assert.Equal(10.0, row.Baseline);
        Assert.Equal(10.2, row.Current);
        Assert.Equal(Verdict.Ok, row.Verdict);
    }

    [Fact]
    public void APerMetricToleranceWidensOnlyThatMetricsBound()
    {
        var baseline = CheckResults.File("a", [CheckResults.Latency(10), CheckResults.Time(100)]);
        var current = CheckResults.File("b", [CheckResults.Latency(11), CheckResults.Time(110)]);

        var report = BenchCheck.Compare(baseline, current, CheckTolerances.Parse(["PingPong.latency=15%"]));

        Assert.Equal(Verdict.Ok, Assert.Single(report.Rows, r => r.Key.Metric == "PingPong.latency").Verdict);
        Assert.Equal(Verdict.Regressed, Assert.Single(report.Rows, r => r.Key.Metric == "time").Verdict);
    }

    [Fact]
    public void ADifferentProblemClassIsADifferentMetricNotAChangedOne()
    {
        var classB = CheckResults.Time(20) with
        {
            Meta = CheckResults.Time(20).Meta with { Parameters = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["class"] = "B" } },
        };

        var report = BenchCheck.Compare(CheckResults.File("a", [CheckResults.Time(100)]), CheckResults.File("b", [classB]), Standard);

        Assert.Equal([Verdict.Missing, Verdict.New], report.Rows.Select(r => r.Verdict));
    }

    [Fact]
    public void ChangedFingerprintsAreNamedInTheReport()
    {
        var report = BenchCheck.Compare(
            CheckResults.File("a", [CheckResults.Latency(10)], CheckResults.Local("6.1.0-28-amd64")),
            CheckResults.File("b", [CheckResults.Latency(10)], CheckResults.Local("6.1.0-30-amd64")),
            Standard);

        Assert.Equal("environment 'local': fingerprint differs in kernel", Assert.Single(report.FingerprintNotes));
    }

    [Fact]
    public void AnotherBuildOfAUsersProgramIsAFingerprintDifferenceAndTheSameBuildIsNot()
    {
        var first = CheckResults.Local() with { Binaries = new Dictionary<string, string> { ["imb"] = new string('a', 64) } };
        var same = CheckResults.Local() with { Binaries = new Dictionary<string, string> { ["imb"] = new string('a', 64) } };
        var rebuilt = CheckResults.Local() with { Binaries = new Dictionary<string, string> { ["imb"] = new string('b', 64) } };

        var unchanged = BenchCheck.Compare(
            CheckResults.File("a", [CheckResults.Latency(10)], first), CheckResults.File("b", [CheckResults.Latency(10)], same), Standard);
        var changed = BenchCheck.Compare(
            CheckResults.File("a", [CheckResults.Latency(10)], first), CheckResults.File("b", [CheckResults.Latency(10)], rebuilt), Standard);

        Assert.Empty(unchanged.FingerprintNotes);
        Assert.Equal("environment 'local': fingerprint differs in binaries", Assert.Single(changed.FingerprintNotes));
    }

    [Fact]
    public void AToleranceForAMetricNeitherFileHasIsRejected()
    {
        var results = CheckResults.File("a", [CheckResults.Latency(10)]);

        var error = Assert.Throws<InvalidDataException>(() => BenchCheck.Compare(results, results, CheckTolerances.Parse(["PingPong.latncy=10"])));

        Assert.Contains("'PingPong.latncy'", error.Message, StringComparison.Ordinal);
        Assert.Contains("PingPong.latency", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PingPong.latency")]
    [InlineData("=10")]
    [InlineData("time=fast")]
    [InlineData("time=-1")]
    public void MalformedTolerancesAreRejected(string argument) =>
        Assert.Throws<FormatException>(() => CheckTolerances.Parse([argument]));

    [Fact]
    public void AStarToleranceSetsTheDefault()
    {
        var tolerances = CheckTolerances.Parse(["*=12", "time=3"]);

        Assert.Equal(12, tolerances.PercentFor("PingPong.latency"));
        Assert.Equal(3, tolerances.PercentFor("time"));
    }
}
