using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;
using VirtCluster.Bench.Results;
using VirtCluster.Bench.Stage;
using VirtCluster.Bench.Suites;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Bench.Stage;

/// <summary>Stack outputs from real NetPIPE and HPCC outputs, labelled as a VM and a bare-metal environment.</summary>
public sealed class StageOutputsTests
{
    private static readonly SuiteDefinition Suite = SuiteLoader.Load(Path.Combine(TestPaths.RepoRoot, "suites", "debian.yaml"));

    [Fact]
    public void RatiosDivideTheClusterByTheBaselineAndFailedRunsGiveNoNumbers()
    {
        var results = Results(
            Ok("vm", "netpipe", NetPipe("ompi-fork-np.out-netpipe3-mpi-1B-8MB.txt"), Placement.InterNode, scale: 4),
            Ok("bmm", "netpipe", NetPipe("ompi-fork-np.out-netpipe3-mpi-1B-8MB.txt"), Placement.IntraSocket, scale: 1),
            Ok("vm", "hpcc", Hpcc(), Placement.None, scale: 2),
            Ok("bmm", "hpcc", Hpcc(), Placement.None, scale: 1),
            new RunRecord("bmm/hpcc/none-np2-t1/rep2", "hpcc", "bmm", RunStatus.Failed, [], "timed out after 9.0 s"));

        var outputs = StageOutputs.Build(results, Suite, "/results/r1/results.json", "bmm", "vm");

        var ratios = outputs["ratios"]!["vm"]!;
        Assert.Equal("bmm", (string)ratios["baseline"]!);
        Assert.Equal(4, (double)ratios["netpipe"]!["latency"]!, 9);
        Assert.Equal(0.25, (double)ratios["netpipe"]!["bandwidth"]!, 9);
        Assert.Equal(0.5, (double)ratios["hpcc"]!["bandwidth"]!, 9);
        Assert.Equal(2, (double)ratios["hpcc"]!["latency"]!, 9);
        Assert.Equal("interNode", (string)outputs["environments"]!["vm"]!["netpipe"]!["placement"]!);
        Assert.Equal("timed out after 9.0 s", (string)outputs["failures"]![0]!["reason"]!);
        Assert.Equal((4, 1), ((int)outputs["runs"]!["ok"]!, (int)outputs["runs"]!["failed"]!));
        Assert.Equal("/results/r1", (string)outputs["rawOutputs"]!);
    }

    [Fact]
    public void SweptLatencyIsTheSmallestMessageAndBandwidthThePeakOfTheCurve()
    {
        var samples = NetPipe("ompi-fork-np.out-netpipe3-mpi-1B-8MB.txt");
        var results = Results(Ok("bmm", "netpipe", samples, Placement.IntraSocket, scale: 1));

        var netpipe = StageOutputs.Build(results, Suite, "/r/results.json", "bmm", null)["environments"]!["bmm"]!["netpipe"]!;

        var oneByte = samples.Single(s => s.Metric == "latency" && s.Meta.MessageSizeBytes == 1).Value;
        var peak = samples.Where(s => s.Metric == "bandwidth").MaxBy(s => s.Value)!;
        Assert.Equal(oneByte, (double)netpipe["latencyUs"]!);
        Assert.Equal(peak.Value, (double)netpipe["bandwidthBytesPerSecond"]!);
        Assert.Equal(peak.Meta.MessageSizeBytes, (long)netpipe["peakBandwidthMessageSizeBytes"]!);
    }

    private static ResultsFile Results(params RunRecord[] runs) => new(
        ResultsFile.CurrentSchemaVersion, "r1", DateTimeOffset.UnixEpoch, "debian",
        runs.Select(r => r.Environment).Distinct().Select(e => new EnvironmentFingerprint(e, e == "bmm" ? EnvironmentKind.BareMetal : EnvironmentKind.Kvm)).ToList(),
        runs);

    /// <summary>
    /// A run of <paramref name="samples"/> in <paramref name="environment"/>, with latencies multiplied and
    /// bandwidths divided by <paramref name="scale"/>, so the expected ratios are exact.
    /// </summary>
    private static RunRecord Ok(string environment, string benchmark, IReadOnlyList<Sample> samples, Placement placement, double scale) =>
        new($"{environment}/{benchmark}/rep1", benchmark, environment, RunStatus.Ok, samples.Select(s => s with
        {
            Value = s.Unit == Units.Microseconds ? s.Value * scale : s.Value / scale,
            Meta = s.Meta with { EnvironmentName = environment, Placement = placement, Nodes = 1 },
        }).ToList());

    private static IReadOnlyList<Sample> NetPipe(string file) => Parse(new NetPipeParser(), "netpipe", file);

    private static IReadOnlyList<Sample> Hpcc() => Parse(new HpccParser(), "hpcc", "local-debian12-hpcc-1.5.0-3-4ranks-example-input-hpccoutf.txt");

    private static IReadOnlyList<Sample> Parse(IBenchmarkParser parser, string folder, string file)
    {
        using var reader = new StreamReader(TestPaths.Fixture(folder, file));
        return parser.Parse(reader, file).Samples;
    }
}
