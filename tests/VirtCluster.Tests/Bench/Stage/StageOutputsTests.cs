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

        var ratios = outputs.Ratios["vm"];
        Assert.Equal("bmm", ratios.Baseline);
        Assert.Equal(4, ratios.Netpipe!.Latency, 9);
        Assert.Equal(0.25, ratios.Netpipe.Bandwidth, 9);
        Assert.Equal(0.5, ratios.Hpcc!.Bandwidth, 9);
        Assert.Equal(2, ratios.Hpcc.Latency, 9);
        Assert.Null(ratios.Imb);
        Assert.False(outputs.Ratios.ContainsKey("bmm"));
        Assert.Equal(Placement.InterNode, outputs.Environments["vm"].Netpipe!.Placement);
        Assert.Equal((EnvironmentRole.Cluster, EnvironmentKind.Kvm), (outputs.Environments["vm"].Role, outputs.Environments["vm"].Fingerprint.Kind));
        Assert.Equal((EnvironmentRole.BareMetal, EnvironmentKind.BareMetal), (outputs.Environments["bmm"].Role, outputs.Environments["bmm"].Fingerprint.Kind));
        Assert.Equal(["vm", "bmm"], outputs.Environments.Keys);
        Assert.Equal("timed out after 9.0 s", outputs.Failures[0].Reason);
        Assert.Equal((4, 1), (outputs.Runs.Ok, outputs.Runs.Failed));
        Assert.Equal("/results/r1", outputs.RawOutputs!);
    }

    [Fact]
    public void SweptLatencyIsTheSmallestMessageAndBandwidthThePeakOfTheCurve()
    {
        var results = Results(Ok("bmm", "netpipe", NetPipe("ompi-fork-np.out-netpipe3-mpi-1B-8MB.txt"), Placement.IntraSocket, scale: 1));

        var bmm = StageOutputs.Build(results, Suite, "/r/results.json", "bmm", null).Environments["bmm"];

        // Read off the np.out rows (bytes, Mbps, seconds). Smallest message: "1 0.276301 0.00002761", so 27.61 us.
        // Highest Mbps: "4194307 4624.521713 0.00691964", so 4624.521713 x 2^20 / 8 = 606145309.966336 B/s.
        var netpipe = bmm.Netpipe!;
        Assert.Equal(27.61, netpipe.LatencyUs, 6);
        Assert.Equal(1, netpipe.LatencyMessageSizeBytes);
        Assert.Equal(606145309.966336, netpipe.BandwidthBytesPerSecond, 3);
        Assert.Equal(4194307, netpipe.PeakBandwidthMessageSizeBytes);
        Assert.Equal(Placement.IntraSocket, netpipe.Placement);
        // Only NetPIPE ran: the other sources are absent, not zero.
        Assert.Null(bmm.Hpcc);
        Assert.Null(bmm.Imb);
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
