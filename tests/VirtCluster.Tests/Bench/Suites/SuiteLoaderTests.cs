using VirtCluster.Bench.Model;
using VirtCluster.Bench.Suites;
using VirtCluster.Engine.Config;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Bench.Suites;

public sealed class SuiteLoaderTests
{
    [Fact]
    public void PaperSuiteHasTheStudysBenchmarksAndSweeps()
    {
        var suite = SuiteLoader.Load(Path.Combine(TestPaths.RepoRoot, "suites", "paper.yaml"));

        Assert.Equal("paper", suite.Name);
        Assert.Equal(["imb-pingpong-latency", "imb-pingpong-throughput", "sp-mz", "bt-mz", "bloss"], suite.Benchmarks.Select(b => b.Name));
        var latency = suite.Benchmarks[0];
        Assert.Equal([Placement.IntraSocket, Placement.InterSocket, Placement.InterNode], latency.Placements);
        Assert.Equal(15, latency.Points().Count() * latency.Repetitions);
        Assert.Equal(0.41, latency.References.Single(r => r.Placement == Placement.IntraSocket).Value);
        var sp = suite.Benchmarks.Single(b => b.Name == "sp-mz");
        Assert.Equal([4, 8, 16, 32, 64], sp.Sweep.Processes);
        Assert.Equal([2], sp.Sweep.Threads);
        var bloss = suite.Benchmarks.Single(b => b.Name == "bloss");
        Assert.Equal([4], bloss.Sweep.Threads);
        Assert.Equal(5, bloss.IdealEfficiency.Count);
        Assert.All(suite.Binaries, b => Assert.Equal("", b.DefaultPath));
    }

    [Fact]
    public void DebianSuiteUsesPackagedBinariesAndTheBuiltPingPongAndGeneratesHpccInput()
    {
        var suite = SuiteLoader.Load(Path.Combine(TestPaths.RepoRoot, "suites", "debian.yaml"));

        Assert.Equal(["/usr/bin/NPopenmpi", "/usr/bin/hpcc", "/usr/local/bin/vc-pingpong", "/usr/local/bin/vc-jacobi"], suite.Binaries.Select(b => b.DefaultPath));
        Assert.Equal("virtcluster:pingpongPath", suite.Binaries.Single(b => b.Key == "pingpong").ConfigKey);
        Assert.Equal(["netpipe", "hpcc", "pingpong", "jacobi"], suite.Benchmarks.Select(b => b.Name));
        var pingpong = suite.Benchmarks.Single(b => b.Name == "pingpong");
        Assert.Equal("imb", pingpong.Parser);
        Assert.Equal(["{binary:pingpong}", "-msglog", "8"], pingpong.Command);
        Assert.Equal([2], pingpong.Sweep.Processes);
        Assert.Equal(["PingPong.latency", "PingPong.bandwidth"], pingpong.Metrics);
        Assert.Contains("not IMB", pingpong.Description, StringComparison.Ordinal);
        var hpcc = suite.Benchmarks.Single(b => b.Name == "hpcc");
        Assert.Equal([600], hpcc.Hpcc!.N);
        Assert.Equal([60], hpcc.Hpcc.NB);
        Assert.Null(hpcc.Hpcc.P);
        Assert.Contains("\n1            Ps\n2            Qs\n", hpcc.Hpcc.InputFor(2));
        Assert.Contains("\n1            Ps\n1            Qs\n", hpcc.Hpcc.InputFor(1));
        Assert.Equal(TimeSpan.FromMinutes(30), hpcc.Timeout);
    }

    [Fact]
    public void DebianSuiteMeasuresLatencyOnOneNodeAndAcrossTwoAndTimesHpccAndJacobiOnOneNodeAndTwo()
    {
        var suite = SuiteLoader.Load(Path.Combine(TestPaths.RepoRoot, "suites", "debian.yaml"));
        var benchmarks = suite.Benchmarks.ToDictionary(b => b.Name);

        // Latency by placement: a pair of ranks on one node (intra-socket) and one rank on each of two nodes.
        Assert.Equal([Placement.IntraSocket, Placement.InterNode], benchmarks["netpipe"].Placements);
        Assert.Equal([Placement.IntraSocket, Placement.InterNode], benchmarks["pingpong"].Placements);
        Assert.Equal([2], benchmarks["netpipe"].Sweep.Processes);
        Assert.Equal(["{binary:netpipe}", "-u", "4194304", "-p", "0"], benchmarks["netpipe"].Command);
        Assert.Equal((2, 1), (benchmarks["netpipe"].Repetitions, benchmarks["pingpong"].Repetitions));
        Assert.Equal(["{binary:pingpong}", "-msglog", "8"], benchmarks["pingpong"].Command);

        // Single-node overhead (HPL of one rank) and HPL across two nodes, one rank each (no placement: spread evenly).
        Assert.Equal([Placement.None], benchmarks["hpcc"].Placements);
        Assert.Equal([1, 2], benchmarks["hpcc"].Sweep.Processes);
        Assert.Contains("HPL", benchmarks["hpcc"].Metrics);

        // Parallel efficiency: vc-jacobi's wall time on one node and on two, against an ideal of 1.
        var jacobi = benchmarks["jacobi"];
        Assert.Equal("virtcluster:jacobiPath", suite.Binaries.Single(b => b.Key == "jacobi").ConfigKey);
        Assert.Equal(["{binary:jacobi}", "512", "1000"], jacobi.Command);
        Assert.Equal("regex", jacobi.Parser);
        Assert.Equal(new PatternSpec(@"Elapsed time\s*=\s*(?<value>[0-9]+(?:\.[0-9]+)?)", "time", "s", 1), jacobi.Pattern);
        Assert.Equal([Placement.None], jacobi.Placements);
        Assert.Equal([1, 2], jacobi.Sweep.Processes);
        Assert.Equal([1], jacobi.Sweep.Threads);
        Assert.Equal(2, jacobi.Repetitions);
        Assert.Equal(["time"], jacobi.Metrics);
        Assert.Equal(new Dictionary<int, double> { [1] = 1.0, [2] = 1.0 }, jacobi.IdealEfficiency);
        Assert.Equal(TimeSpan.FromMinutes(10), jacobi.Timeout);
    }

    [Fact]
    public void EveryBuiltInSuiteRendersItsCommandsFromBinaryPaths()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "suites"), "*.yaml"))
        {
            var suite = SuiteLoader.Load(file);
            var paths = suite.Binaries.ToDictionary(b => b.Key, b => "/opt/" + b.Key);
            foreach (var benchmark in suite.Benchmarks)
            {
                var command = benchmark.RenderCommand(benchmark.Points().First(), paths);
                Assert.StartsWith("/opt/", command[0]);
                Assert.DoesNotContain(command, a => a.Contains('{'));
                Assert.NotNull(benchmark.CreateParser());
            }
        }
    }

    [Fact]
    public void CommandPlaceholdersAreFilledPerSweepPoint()
    {
        var suite = SuiteLoader.Parse(Minimal("""
            command: ["{binary:app}", "-n", "{processes}", "-t", "{threads}", "-s", "{msgsize}"]
            sweep: { processes: [2, 4], threads: [1], messageSizes: [0, 1024] }
            """), "s.yaml");
        var benchmark = suite.Benchmarks[0];

        var points = benchmark.Points().ToList();

        Assert.Equal(4, points.Count);
        Assert.Equal(["/bin/app", "-n", "4", "-t", "1", "-s", "1024"], benchmark.RenderCommand(points[3], new Dictionary<string, string> { ["app"] = "/bin/app" }));
    }

    [Theory]
    [InlineData("    colour: blue\n", "s.yaml:8:5: key 'benchmarks.b.colour': unknown key")]
    [InlineData("    parser: npb\n", "s.yaml:8:5: key 'parser': duplicate key")]
    [InlineData("    repetitions: many\n", "s.yaml:8:18: key 'benchmarks.b.repetitions': expected a whole number")]
    [InlineData("    timeout: soon\n", "s.yaml:8:14: key 'benchmarks.b.timeout': expected a duration")]
    public void MistakesAreErrorsWithFileLineAndColumn(string extraLine, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => SuiteLoader.Parse(Minimal("", extraLine), "s.yaml"));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void RequiredBinaryMustBeDeclared()
    {
        var error = Assert.Throws<ConfigException>(() => SuiteLoader.Parse(Minimal("requires: [mpi]\n"), "s.yaml"));

        Assert.EndsWith("key 'benchmarks.b.requires': binary 'mpi' is not declared under 'binaries'", error.Message);
    }

    [Fact]
    public void UnknownPlaceholderIsRejected()
    {
        var error = Assert.Throws<ConfigException>(() => SuiteLoader.Parse(Minimal("command: [\"{binary:app}\", \"{nodes}\"]\n"), "s.yaml"));

        Assert.Contains("unknown placeholder {nodes}", error.Message);
    }

    [Fact]
    public void MessageSizesThatTheCommandIgnoresAreRejected()
    {
        var error = Assert.Throws<ConfigException>(() =>
            SuiteLoader.Parse(Minimal("sweep: { processes: [2], messageSizes: [8] }\n"), "s.yaml"));

        Assert.Contains("{msgsize}", error.Message);
    }

    [Fact]
    public void SocketPlacementsNeedExactlyTwoRanks()
    {
        var error = Assert.Throws<ConfigException>(() =>
            SuiteLoader.Parse(Minimal("placements: [intra-socket]\nsweep: { processes: [4] }\n"), "s.yaml"));

        Assert.Contains("sweep.processes must be [2]", error.Message);
    }

    [Fact]
    public void ReferenceMustNameAMetricOfTheBenchmark()
    {
        var error = Assert.Throws<ConfigException>(() => SuiteLoader.Parse(
            Minimal("references: [{ metric: latency, value: 1, unit: us, better: lower }]\n"), "s.yaml"));

        Assert.Contains("'latency' is not in this benchmark's metrics", error.Message);
    }

    [Fact]
    public void HpccGridLargerThanTheRunIsRejected()
    {
        var error = Assert.Throws<ConfigException>(() => SuiteLoader.Parse(
            Minimal("parser: hpcc\nhpcc: { n: [1000], nb: [80], p: 2, q: 2 }\n"), "s.yaml"));

        Assert.Contains("p x q must be positive and at most the smallest process count (2)", error.Message);
    }

    [Fact]
    public void AliasesAndSecondDocumentsAreRejected()
    {
        Assert.Contains("aliases", Assert.Throws<ConfigException>(() =>
            SuiteLoader.Parse("name: &n x\ndescription: *n\nbenchmarks: {}\n", "s.yaml")).Message);
        Assert.Contains("only one YAML document", Assert.Throws<ConfigException>(() =>
            SuiteLoader.Parse(Minimal("") + "---\nname: y\n", "s.yaml")).Message);
    }

    [Fact]
    public void MissingFileIsAConfigError() =>
        Assert.StartsWith("/nonexistent/suite.yaml: cannot read", Assert.Throws<ConfigException>(() => SuiteLoader.Load("/nonexistent/suite.yaml")).Message);

    /// <summary>A valid one-benchmark suite; <paramref name="overrides"/> replace keys of benchmark 'b', <paramref name="extra"/> is appended on line 8.</summary>
    private static string Minimal(string overrides, string extra = "")
    {
        var defaults = new Dictionary<string, string>
        {
            ["parser"] = "time",
            ["command"] = "[\"{binary:app}\"]",
            ["placements"] = "[none]",
            ["sweep"] = "{ processes: [2] }",
            ["requires"] = "[app]",
            ["metrics"] = "[wall_time]",
        };
        var given = overrides.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        foreach (var line in given)
        {
            defaults.Remove(line[..line.IndexOf(':')]);
        }

        var body = string.Concat(defaults.Select(d => $"    {d.Key}: {d.Value}\n")) + string.Concat(given.Select(l => $"    {l}\n"));
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return "name: s\nbinaries:\n  app: { config: 'virtcluster:appPath', description: an app }\nbenchmarks:\n  b:\n"
            + string.Join('\n', lines.Take(2)) + "\n" + extra + string.Concat(lines.Skip(2).Select(l => l + "\n"));
    }
}
