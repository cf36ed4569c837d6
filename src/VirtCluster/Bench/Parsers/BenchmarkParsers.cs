using System.Diagnostics.CodeAnalysis;

namespace VirtCluster.Bench.Parsers;

/// <summary>The parsers that need no suite-specific settings, by the format name suites and the CLI use.</summary>
public static class BenchmarkParsers
{
    private static readonly IReadOnlyList<IBenchmarkParser> All =
        [new ImbParser(), new NpbMzParser(), new HpccParser(), new NetPipeParser(), new WallTimeParser()];

    /// <summary>imb, npb, hpcc, netpipe, time.</summary>
    public static IReadOnlyList<string> Formats { get; } = All.Select(p => p.Format).ToList();

    public static bool TryGet(string format, [NotNullWhen(true)] out IBenchmarkParser? parser)
    {
        parser = All.FirstOrDefault(p => p.Format == format);
        return parser is not null;
    }
}
