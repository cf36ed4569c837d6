using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Report;

/// <summary>
/// Results for report tests: the paper's hand-written file, extended with efficiency curves shaped like its
/// Fig. 3, and a synthetic local TCG environment with throughput, scaling and a failed run.
/// </summary>
internal static class ReportResults
{
    public static readonly string PaperExamplePath = Path.Combine(TestPaths.RepoRoot, "schemas", "examples", "paper-agc2011.results.json");

    private static readonly DateTimeOffset Created = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    /// <summary>SP-MZ efficiency at 4..64 processes, ending at the paper's 16-node values (88 %, 59 %, 88 %).</summary>
    private static readonly (string Environment, EnvironmentKind Kind, double OneNode, double[] Efficiency)[] Scaling =
    [
        ("bmm", EnvironmentKind.BareMetal, 86.45, [1.0, 0.97, 0.95, 0.92, 0.88]),
        ("xen", EnvironmentKind.Xen, 100.12, [1.0, 0.90, 0.80, 0.70, 0.59]),
        ("kvm", EnvironmentKind.Kvm, 104.36, [1.0, 0.96, 0.94, 0.91, 0.88]),
    ];

    private static readonly int[] Processes = [4, 8, 16, 32, 64];

    /// <summary>The paper's example file with SP-MZ scaling runs added, so that its efficiency can be drawn.</summary>
    public static ResultsFile Paper()
    {
        var example = ResultsJson.Read(PaperExamplePath);
        var scaling = from row in Scaling
                      from point in Processes.Zip(row.Efficiency).Skip(1)
                      select Run($"sp-mz/{row.Environment}/np{point.First}", row.Environment,
                          Time("SP-MZ", row.Environment, row.Kind, row.OneNode * 4 / (point.First * point.Second), point.First));
        return example with { Runs = [.. example.Runs, .. scaling] };
    }

    /// <summary>
    /// A local TCG run: NetPIPE latency and throughput, SP-MZ class W on one and two nodes, one failed run;
    /// with <paramref name="bareMetal"/>, also this machine as bare metal (<c>bmm</c>), 10 s on one node.
    /// </summary>
    public static ResultsFile Local(string environment = "local", string runId = "local-run", string kernel = "6.1.0-28-amd64", bool bareMetal = false)
    {
        var kind = EnvironmentKind.Tcg;
        var netpipe = new[] { 1L, 16, 256, 4096, 65536, 1048576, 8388608 }.SelectMany((size, i) => new[]
        {
            new Sample("latency", 40.0 + (i * i * 30), Units.Microseconds,
                new SampleMeta("NetPIPE", Placement: Placement.InterNode, MessageSizeBytes: size, EnvironmentKind: kind, EnvironmentName: environment)),
            new Sample("bandwidth", size / ((40.0 + (i * i * 30)) * 1e-6), Units.BytesPerSecond,
                new SampleMeta("NetPIPE", Placement: Placement.InterNode, MessageSizeBytes: size, EnvironmentKind: kind, EnvironmentName: environment)),
        });
        RunRecord[] runs =
        [
            new("netpipe/inter-node/rep1", "netpipe", environment, RunStatus.Ok, netpipe.ToList()),
            Run("sp-mz/np4", environment, Time("SP-MZ", environment, kind, 30.0, 4, "W")),
            Run("sp-mz/np8", environment, Time("SP-MZ", environment, kind, 20.0, 8, "W")),
            new("bt-mz/np4", "bt-mz", environment, RunStatus.Failed, [], "timed out after 30m"),
        ];
        var local = new EnvironmentFingerprint(environment, kind, Kernel: kernel, LibvirtVersion: "9.0.0", QemuVersion: "7.2.15",
            Hypervisor: "qemu (tcg)", ImageDigest: "sha256:4f1c9e", MpiVersion: "Open MPI 4.1.4", ConfigHash: "sha256:77aa01");
        if (!bareMetal)
        {
            return new ResultsFile(ResultsFile.CurrentSchemaVersion, runId, Created, "debian", [local], runs);
        }

        return new ResultsFile(
            ResultsFile.CurrentSchemaVersion, runId, Created, "debian",
            [local, new EnvironmentFingerprint("bmm", EnvironmentKind.BareMetal, Kernel: kernel, MpiVersion: "Open MPI 4.1.4")],
            [.. runs, Run("sp-mz/bmm/np4", "bmm", Time("SP-MZ", "bmm", EnvironmentKind.BareMetal, 10.0, 4, "W"))]);
    }

    private static RunRecord Run(string id, string environment, Sample sample) =>
        new(id, sample.Meta.Benchmark, environment, RunStatus.Ok, [sample]);

    private static Sample Time(string benchmark, string environment, EnvironmentKind kind, double seconds, int ranks, string problemClass = "C") =>
        new("time", seconds, Units.Seconds, new SampleMeta(
            benchmark, Nodes: ranks / 4, Ranks: ranks, Threads: 2, EnvironmentKind: kind, EnvironmentName: environment,
            Parameters: new SortedDictionary<string, string>(StringComparer.Ordinal) { ["class"] = problemClass }));
}
