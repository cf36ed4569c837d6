using VirtCluster.Bench.Model;

namespace VirtCluster.Tests.Bench.Metrics;

/// <summary>Published numbers of the 2011 AIST study, as samples the way a run would record them.</summary>
internal static class PaperNumbers
{
    public static readonly (string Environment, EnvironmentKind Kind, double Intra, double Inter, double Node)[] Latency =
    [
        ("BMM", EnvironmentKind.BareMetal, 0.41, 0.86, 1.79),
        ("Xen", EnvironmentKind.Xen, 0.41, 0.83, 3.30),
        ("KVM", EnvironmentKind.Kvm, 0.54, 1.21, 1.71),
    ];

    public static IEnumerable<Sample> LatencySamples() =>
        from row in Latency
        from cell in new[] { (Placement.IntraSocket, row.Intra), (Placement.InterSocket, row.Inter), (Placement.InterNode, row.Node) }
        select new Sample("PingPong.latency", cell.Item2, Units.Microseconds,
            new SampleMeta("IMB", Ranks: 2, Placement: cell.Item1, MessageSizeBytes: 0, EnvironmentKind: row.Kind, EnvironmentName: row.Environment));

    public static Sample Time(string benchmark, string environment, double seconds, int ranks = 4, int nodes = 1) =>
        new("time", seconds, Units.Seconds, new SampleMeta(benchmark, Nodes: nodes, Ranks: ranks, Threads: 2, EnvironmentName: environment));
}
