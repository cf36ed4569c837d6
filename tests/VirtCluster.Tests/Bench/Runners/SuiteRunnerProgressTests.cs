using System.Text.RegularExpressions;
using VirtCluster.Bench.Results;
using VirtCluster.Bench.Runners;

namespace VirtCluster.Tests.Bench.Runners;

/// <summary>
/// What the runner tells the console while a suite runs, with real programs under the real mpirun on this
/// machine: each run's start, its heartbeat while it goes on, and its end with status and time.
/// </summary>
public sealed partial class SuiteRunnerProgressTests : IDisposable
{
    /// <summary>A run that takes a second and a half under mpirun: long against a 100 ms heartbeat, short for a test.</summary>
    private const string SleepingYaml = """
        name: sleeping
        binaries:
          wait: { config: "virtcluster:waitPath", default: /bin/sleep, description: waits }
        benchmarks:
          sleeps:
            parser: netpipe
            command: ["{binary:wait}", "1"]
            placements: [none]
            sweep: { processes: [1] }
            timeout: 60s
            requires: [wait]
            metrics: [latency]
        """;

    private static readonly TimeSpan DefaultHeartbeat = new SuiteRunOptions("unused", "unused").Heartbeat;

    private const string SleepsLabel = "sleeps np=1 threads=1 on bmm: repetition 1/1";

    private readonly string _directory = Directory.CreateTempSubdirectory("virtcluster-progress-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task EachRunSaysWhichRunStartedAndHowItEndedWithItsTime()
    {
        var lines = await RunAsync(SmallSuites.FailingYaml(), DefaultHeartbeat);

        // The first line is this machine's fingerprint (kernel, Open MPI version); the rest is pinned.
        Assert.StartsWith("[bmm] BareMetal on localhost: kernel ", lines[0]);
        // mpirun's last line on stderr, which the reason quotes, is the rule under its own error box.
        var rule = new string('-', 74);
        Assert.Equal(
            $"""
            [bmm] exits-one: 1 run(s)
            exits-one np=1 threads=1 on bmm: repetition 1/1 started
            exits-one np=1 threads=1 on bmm: repetition 1/1 failed in T: mpirun ended with exit status 1: {rule} (see bmm/exits-one/none-np1-t1/rep1/stderr.txt) (mpirun S)
            [bmm] too-slow: 1 run(s)
            too-slow np=1 threads=1 on bmm: repetition 1/1 started
            too-slow np=1 threads=1 on bmm: repetition 1/1 failed in T: timed out after S (the suite allows 2 s); the run was killed (mpirun S)
            [bmm] netpipe: 1 run(s)
            netpipe [inter-node] np=2 threads=1 on bmm: repetition 1/1 started
            netpipe [inter-node] np=2 threads=1 on bmm: repetition 1/1 ok in T, 48 samples (mpirun S)
            """,
            string.Join("\n", lines.Skip(1).Select(WithoutTimes)));
    }

    [Fact]
    public async Task ARunThatIsStillGoingSaysSoAtEveryHeartbeatAndNeverAfterItEnded()
    {
        var beating = await RunAsync(SleepingYaml, TimeSpan.FromMilliseconds(100));
        var quiet = await RunAsync(SleepingYaml, DefaultHeartbeat);

        var started = beating.IndexOf($"{SleepsLabel} started");
        var ended = beating.FindIndex(l => l.StartsWith($"{SleepsLabel} failed in ", StringComparison.Ordinal));
        var heartbeats = beating.Select((line, index) => (line, index)).Where(l => l.line.Contains("still running", StringComparison.Ordinal)).ToList();
        Assert.True(heartbeats.Count >= 5, string.Join("\n", beating));
        Assert.All(heartbeats, h => Assert.Matches(@"^sleeps np=1 threads=1 on bmm: repetition 1/1 still running \(\d\.\ds\)$", h.line));
        Assert.All(heartbeats, h => Assert.InRange(h.index, started + 1, ended - 1));
        Assert.Equal(
            heartbeats.Select(h => h.line).Order(StringComparer.Ordinal),
            heartbeats.Select(h => h.line));

        // The same run with the default 30 s heartbeat: started and ended, nothing in between.
        Assert.DoesNotContain(quiet, l => l.Contains("still running", StringComparison.Ordinal));
        Assert.Equal(quiet.IndexOf($"{SleepsLabel} started") + 1, quiet.FindIndex(l => l.StartsWith($"{SleepsLabel} failed in ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(0.04, "0.0s")]
    [InlineData(0.16, "0.1s")]
    [InlineData(9.96, "9.9s")]
    [InlineData(42.7, "42s")]
    [InlineData(90, "1m30s")]
    [InlineData(3599.9, "59m59s")]
    [InlineData(7500, "2h05m")]
    public void DurationsReadAtAGlance(double seconds, string shown) =>
        Assert.Equal(shown, ShortDuration.Format(TimeSpan.FromSeconds(seconds)));

    /// <summary>Times vary from run to run: the run's own (<c>in 2.3s</c>) becomes T, mpirun's and the timeout's (<c>2.034 s</c>) S.</summary>
    private static string WithoutTimes(string line) =>
        SecondsWithUnit().Replace(RunTime().Replace(line, "in T"), "S");

    private async Task<List<string>> RunAsync(string yaml, TimeSpan heartbeat)
    {
        var (_, suite) = SmallSuites.Write(_directory, yaml);
        var lines = new List<string>();
        var runner = new SuiteRunner(suite, new SuiteRunOptions(Path.Combine(_directory, "results"), SuiteRunOptions.NewRunId(DateTimeOffset.UtcNow))
        {
            Heartbeat = heartbeat,
        });
        ResultsFile results = await runner.RunAsync([new LocalTarget()], new SynchronousProgress(lines));
        Assert.NotEmpty(results.Runs);
        lock (lines)
        {
            return [.. lines];
        }
    }

    [GeneratedRegex(@"in (\d+\.\ds|\d+s|\d+m\d\ds|\d+h\d\dm)")]
    private static partial Regex RunTime();

    [GeneratedRegex(@"\d+\.\d+ s")]
    private static partial Regex SecondsWithUnit();
}
