using System.Runtime.Versioning;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Bench.Runners;

namespace VirtCluster.Tests.Bench.Runners;

/// <summary>The real Debian programs under the real Open MPI on this machine, as the bare-metal target.</summary>
public sealed class SuiteRunnerLocalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("virtcluster-runner-").FullName;
    private readonly List<string> _progress = [];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task NetPipeOnThisMachineGivesLatencyAndBandwidthPerSizeWithFullMetadata()
    {
        var (runner, results) = await RunAsync(SmallSuites.DebianYaml(), ["netpipe"]);

        Assert.Equal(["bmm/netpipe/intra-socket-np2-t1/rep1", "bmm/netpipe/inter-node-np2-t1/rep1"], results.Runs.Select(r => r.Id));
        Assert.All(results.Runs, r => Assert.True(r.Status == RunStatus.Ok, r.Reason));
        var intraSocket = results.Runs[0].Samples[0].Meta;
        Assert.Equal((1, Placement.IntraSocket), (intraSocket.Nodes, intraSocket.Placement));
        Assert.False(intraSocket.Parameters.ContainsKey("requestedPlacement"));
        var run = results.Runs[1];
        var latency = run.Samples.Where(s => s.Metric == "latency").ToList();
        var bandwidth = run.Samples.Where(s => s.Metric == "bandwidth").ToList();
        Assert.Contains(latency, s => s.Meta.MessageSizeBytes == 1);
        Assert.Contains(latency, s => s.Meta.MessageSizeBytes == 4096);
        Assert.All(latency, s => Assert.True(s.Value > 0 && s.Unit == Units.Microseconds));
        Assert.All(bandwidth, s => Assert.True(s.Value > 0 && s.Unit == Units.BytesPerSecond));
        var meta = latency[0].Meta;
        Assert.Equal(("NetPIPE", 1, 2, 1, Placement.IntraSocket), (meta.Benchmark, meta.Nodes, meta.Ranks, meta.Threads, meta.Placement));
        Assert.Equal((EnvironmentKind.BareMetal, "bmm", results.RunId), (meta.EnvironmentKind, meta.EnvironmentName, meta.RunId));
        Assert.Equal("inter-node", meta.Parameters["requestedPlacement"]);

        var folder = Path.Combine(runner.RunFolder, "bmm", "netpipe", "inter-node-np2-t1", "rep1");
        Assert.Equal("bmm/netpipe/inter-node-np2-t1/rep1/np.out", run.RawOutput);
        Assert.Contains("Now starting the main loop", File.ReadAllText(Path.Combine(folder, "stdout.txt")) + File.ReadAllText(Path.Combine(folder, "stderr.txt")));
        Assert.Equal("localhost slots=2\n", File.ReadAllText(Path.Combine(folder, "hostfile")));
        var command = File.ReadAllText(Path.Combine(folder, "command.txt"));
        Assert.StartsWith("mpirun --allow-run-as-root -np 2 --hostfile " + folder + "/hostfile --map-by core --bind-to core --mca btl vader,self", command);
        Assert.EndsWith("/usr/bin/NPopenmpi -u 4096 -n 100 -p 0\n", command);
        ResultsSchema.AssertValid(runner.ResultsFilePath);
    }

    [Fact]
    public async Task HpccWithATinyProblemGivesPingPongAndHplFromItsOutputFile()
    {
        var (runner, results) = await RunAsync(SmallSuites.DebianYaml(), ["hpcc"]);

        Assert.Equal(["bmm/hpcc/none-np1-t1/rep1", "bmm/hpcc/none-np2-t1/rep1"], results.Runs.Select(r => r.Id));
        Assert.All(results.Runs, r => Assert.True(r.Status == RunStatus.Ok, r.Reason));
        var single = results.Runs[0].Samples.Single(s => s.Metric == "HPL");
        Assert.True(single.Value > 0);
        Assert.Equal((1, 1), (single.Meta.Ranks, single.Meta.Nodes));
        Assert.Contains("1            Ps\n1            Qs", File.ReadAllText(Path.Combine(runner.RunFolder, "bmm", "hpcc", "none-np1-t1", "rep1", "hpccinf.txt")));
        var run = results.Runs[1];
        var metrics = run.Samples.ToDictionary(s => s.Metric);
        Assert.True(metrics["MinPingPongLatency"].Value > 0);
        Assert.True(metrics["MaxPingPongBandwidth"].Value > 0);
        Assert.True(metrics["HPL"].Value > 0);
        Assert.Equal((2, Placement.None, 1), (metrics["HPL"].Meta.Ranks, metrics["HPL"].Meta.Placement, metrics["HPL"].Meta.Nodes));
        var folder = Path.Combine(runner.RunFolder, "bmm", "hpcc", "none-np2-t1", "rep1");
        Assert.Contains("200          Ns", File.ReadAllText(Path.Combine(folder, "hpccinf.txt")));
        Assert.Contains("Success=1", File.ReadAllText(Path.Combine(folder, "hpccoutf.txt")));
        Assert.Equal("bmm/hpcc/none-np2-t1/rep1/hpccoutf.txt", run.RawOutput);
        Assert.Equal(results.Runs.Select(r => (r.Id, r.Status, r.Samples.Count)), ResultsJson.Read(runner.ResultsFilePath).Runs.Select(r => (r.Id, r.Status, r.Samples.Count)));
        ResultsSchema.AssertValid(runner.ResultsFilePath);
    }

    [Fact]
    public async Task EnvironmentFingerprintHasThisMachinesKernelAndOpenMpi()
    {
        var (_, results) = await RunAsync(SmallSuites.DebianYaml(), ["netpipe"]);

        var environment = Assert.Single(results.Environments);
        Assert.Equal(("bmm", EnvironmentKind.BareMetal), (environment.Name, environment.Kind));
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), environment.Kernel);
        Assert.StartsWith("mpirun (Open MPI) 4.", environment.MpiVersion);
    }

    [Fact]
    public async Task MissingBinaryFailsItsRunsNamingNodeAndPathWhileOtherBenchmarksRun()
    {
        var (_, results) = await RunAsync(SmallSuites.DebianYaml(), null,
            new Dictionary<string, string> { ["hpcc"] = "/opt/absent/hpcc" });

        var hpcc = results.Runs.Where(r => r.Benchmark == "hpcc").ToList();
        Assert.Equal(2, hpcc.Count);
        Assert.All(hpcc, run => Assert.Equal(RunStatus.Failed, run.Status));
        Assert.All(hpcc, run => Assert.Equal(
            "binary 'hpcc': /opt/absent/hpcc is missing or not executable on localhost; install it or set virtcluster:hpccPath "
            + "in the stack config (hpcc from the Debian package hpcc (reads hpccinf.txt, writes hpccoutf.txt))",
            run.Reason));
        Assert.Equal([RunStatus.Ok, RunStatus.Ok], results.Runs.Where(r => r.Benchmark == "netpipe").Select(r => r.Status));
        Assert.Equal([RunStatus.Ok, RunStatus.Ok], results.Runs.Where(r => r.Benchmark == "jacobi").Select(r => r.Status));
        Assert.Contains(_progress, line => line.StartsWith("[bmm] hpcc: 2 run(s), not started: binary 'hpcc'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailingAndTimedOutRunsAreRecordedWithTheirReasonsAndTheNextRunStillWorks()
    {
        var (runner, results) = await RunAsync(SmallSuites.FailingYaml(), null);

        var byBenchmark = results.Runs.ToDictionary(r => r.Benchmark);
        Assert.Equal(RunStatus.Failed, byBenchmark["exits-one"].Status);
        Assert.StartsWith("mpirun ended with exit status 1", byBenchmark["exits-one"].Reason);
        Assert.Equal(RunStatus.Failed, byBenchmark["too-slow"].Status);
        Assert.StartsWith("timed out after ", byBenchmark["too-slow"].Reason);
        Assert.Contains("(the suite allows 2 s); the run was killed", byBenchmark["too-slow"].Reason);
        Assert.Empty(byBenchmark["too-slow"].Samples);
        Assert.Equal(RunStatus.Ok, byBenchmark["netpipe"].Status);
        Assert.Contains(_progress, line => line.StartsWith("too-slow np=1 threads=1 on bmm: repetition 1/1 failed in ", StringComparison.Ordinal) && line.Contains(": timed out after ", StringComparison.Ordinal));
        ResultsSchema.AssertValid(runner.ResultsFilePath);
    }

    [Fact]
    public async Task WithoutMpirunEveryRunFailsNamingTheNodeAndTheFingerprintHasNoMpi()
    {
        var (_, suite) = SmallSuites.Write(_directory, SmallSuites.DebianYaml());
        var runner = new SuiteRunner(suite, new SuiteRunOptions(Path.Combine(_directory, "results"), "run-1") { Mpirun = "/opt/absent/mpirun" });

        var results = await runner.RunAsync([new LocalTarget()]);

        Assert.Equal(["netpipe", "netpipe", "hpcc", "hpcc", "pingpong", "pingpong", "jacobi", "jacobi"], results.Runs.Select(r => r.Benchmark));
        Assert.All(results.Runs, r => Assert.StartsWith(
            "'/opt/absent/mpirun --version' failed on localhost (exit status 127: /opt/absent/mpirun: cannot run", r.Reason));
        Assert.Null(results.Environments.Single().MpiVersion);
        ResultsSchema.AssertValid(runner.ResultsFilePath);
    }

    [Fact]
    public void UnknownBenchmarkNameIsRejectedBeforeAnythingRuns()
    {
        var (_, suite) = SmallSuites.Write(_directory, SmallSuites.DebianYaml());

        var error = Assert.Throws<ArgumentException>(() => new SuiteRunner(suite, new SuiteRunOptions(_directory, "r1") { Benchmarks = ["netpipe", "imb"] }));

        Assert.StartsWith($"{suite.SourceFile}: no benchmark named 'imb'; the suite has netpipe, hpcc", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_directory, "r1")));
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task ASuppliedProgramThatCannotBeReadFailsOnlyTheRunsThatNeedItWithItsPath()
    {
        var (_, suite) = SmallSuites.Write(_directory, SmallSuites.SuppliedYaml());
        var absent = Path.Combine(_directory, "never-written");
        var runner = new SuiteRunner(suite, new SuiteRunOptions(Path.Combine(_directory, "results"), "run-1")
        {
            SuppliedBinaries = new Dictionary<string, string> { ["hello"] = SmallSuites.WriteSuppliedScript(_directory), ["absent"] = absent },
        });

        var results = await runner.RunAsync([new LocalTarget()], new SynchronousProgress(_progress));

        var hello = results.Runs.Single(r => r.Benchmark == "hello");
        var failed = results.Runs.Single(r => r.Benchmark == "absent");
        Assert.True(hello.Status == RunStatus.Ok, hello.Reason);
        Assert.Equal(4.75, Assert.Single(hello.Samples).Value);
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.StartsWith($"binary 'absent' (virtcluster:bench binaries.absent): cannot read {absent}: ", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(SmallSuites.SuppliedScriptSha256, Assert.Single(Assert.Single(results.Environments).Binaries!).Value);
    }

    [Fact]
    public void ASuppliedProgramTheSuiteDoesNotNameIsRejectedBeforeAnythingRuns()
    {
        var (_, suite) = SmallSuites.Write(_directory, SmallSuites.SuppliedYaml());
        var known = new SuiteRunOptions(_directory, "r1") { SuppliedBinaries = new Dictionary<string, string> { ["hello"] = "/opt/hello" } };
        var unknown = known with { SuppliedBinaries = new Dictionary<string, string> { ["helo"] = "/opt/hello" } };

        var runner = new SuiteRunner(suite, known);
        var error = Assert.Throws<ArgumentException>(() => new SuiteRunner(suite, unknown));

        Assert.Equal(["hello", "absent"], runner.Benchmarks.Select(b => b.Name));
        Assert.StartsWith($"{suite.SourceFile}: the suite has no binary 'helo'; it has hello, absent", error.Message, StringComparison.Ordinal);
    }

    private async Task<(SuiteRunner Runner, ResultsFile Results)> RunAsync(
        string yaml, IReadOnlyList<string>? benchmarks, IReadOnlyDictionary<string, string>? binaries = null)
    {
        var (_, suite) = SmallSuites.Write(_directory, yaml);
        var runner = new SuiteRunner(suite, new SuiteRunOptions(Path.Combine(_directory, "results"), "run-1")
        {
            Benchmarks = benchmarks,
            BinaryPaths = binaries ?? new Dictionary<string, string>(),
        });
        var results = await runner.RunAsync([new LocalTarget()], new SynchronousProgress(_progress));
        return (runner, results);
    }
}
