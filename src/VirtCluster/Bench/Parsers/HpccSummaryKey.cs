using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Parsers;

/// <summary>A summary key of interest: the sample name, its unit and the factor from HPCC's unit to ours.</summary>
internal sealed record HpccSummaryKey(string Metric, string Unit, double Factor)
{
    /// <summary>
    /// The numbers the paper's comparisons need. HPCC prints GB as 10^9 bytes and Tflops as 10^12 flop/s;
    /// keys not listed (machine constants, problem sizes, sub-timings) are not samples.
    /// </summary>
    public static IReadOnlyDictionary<string, HpccSummaryKey> Known { get; } = Build();

    private static Dictionary<string, HpccSummaryKey> Build()
    {
        var keys = new Dictionary<string, HpccSummaryKey>(StringComparer.Ordinal)
        {
            ["HPL_Tflops"] = new("HPL", Units.GigaflopsPerSecond, 1000),
            ["HPL_time"] = new("HPL_time", Units.Seconds, 1),
            ["StarDGEMM_Gflops"] = new("StarDGEMM", Units.GigaflopsPerSecond, 1),
            ["SingleDGEMM_Gflops"] = new("SingleDGEMM", Units.GigaflopsPerSecond, 1),
            ["PTRANS_GBs"] = new("PTRANS", Units.BytesPerSecond, 1e9),
            ["StarFFT_Gflops"] = new("StarFFT", Units.GigaflopsPerSecond, 1),
            ["SingleFFT_Gflops"] = new("SingleFFT", Units.GigaflopsPerSecond, 1),
            ["MPIFFT_Gflops"] = new("MPIFFT", Units.GigaflopsPerSecond, 1),
        };
        foreach (var prefix in new[] { "MPIRandomAccess", "StarRandomAccess", "SingleRandomAccess" })
        {
            keys[$"{prefix}_GUPs"] = new(prefix, Units.GigaupdatesPerSecond, 1);
            keys[$"{prefix}_LCG_GUPs"] = new($"{prefix}_LCG", Units.GigaupdatesPerSecond, 1);
        }

        foreach (var scope in new[] { "Star", "Single" })
        {
            foreach (var kernel in new[] { "Copy", "Scale", "Add", "Triad" })
            {
                keys[$"{scope}STREAM_{kernel}"] = new($"{scope}STREAM_{kernel}", Units.BytesPerSecond, 1e9);
            }
        }

        foreach (var name in new[] { "MinPingPong", "AvgPingPong", "MaxPingPong", "NaturallyOrderedRing", "RandomlyOrderedRing" })
        {
            keys[$"{name}Latency_usec"] = new($"{name}Latency", Units.Microseconds, 1);
            keys[$"{name}Bandwidth_GBytes"] = new($"{name}Bandwidth", Units.BytesPerSecond, 1e9);
        }

        return keys;
    }
}
