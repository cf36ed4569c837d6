using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;

namespace VirtCluster.Bench.Stage;

/// <summary>
/// A benchmark output that measures point-to-point latency and bandwidth, and how to reduce it to one
/// latency and one bandwidth per environment. Swept programs (NetPIPE, IMB) give latency at their smallest
/// message and their peak bandwidth; HPCC gives one PingPong latency and bandwidth per run.
/// </summary>
/// <param name="Key">Name of the source in stack outputs, e.g. <c>netpipe</c>.</param>
/// <param name="Benchmark">Benchmark name as the parser puts it in the samples' metadata.</param>
/// <param name="LatencyMetric">Sample metric in microseconds.</param>
/// <param name="BandwidthMetric">Sample metric in bytes per second.</param>
/// <param name="Swept">Whether samples carry message sizes.</param>
internal sealed record CommunicationSource(string Key, string Benchmark, string LatencyMetric, string BandwidthMetric, bool Swept)
{
    public static CommunicationSource NetPipe { get; } = new("netpipe", NetPipeParser.BenchmarkName, "latency", "bandwidth", Swept: true);

    public static CommunicationSource Imb { get; } = new("imb", ImbParser.BenchmarkName, "PingPong.latency", "PingPong.bandwidth", Swept: true);

    public static CommunicationSource Hpcc { get; } = new("hpcc", HpccParser.BenchmarkName, "MinPingPongLatency", "MaxPingPongBandwidth", Swept: false);

    /// <summary>Every source, in the order of <see cref="StageEnvironment"/>'s members.</summary>
    public static IReadOnlyList<CommunicationSource> All { get; } = [NetPipe, Imb, Hpcc];

    public bool Owns(Sample sample) => sample.Meta.Benchmark == Benchmark;
}
