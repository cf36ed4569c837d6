using System.Text.RegularExpressions;
using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Parsers;

/// <summary>
/// NetPIPE 3.x (<c>NPopenmpi</c>, <c>NPtcp</c>): the per-size progress lines it prints on stderr
/// (<c>n: bytes times --> Mbps in usec</c>) and the rows of its <c>np.out</c> file (bytes, Mbps, seconds),
/// also when stdout and stderr are merged. Each size yields <c>latency</c> (one-way, us) and
/// <c>bandwidth</c> (B/s). NetPIPE's Mbps is bits / (one-way time x 2^20), so B/s = Mbps x 2^20 / 8.
/// </summary>
public sealed partial class NetPipeParser : IBenchmarkParser
{
    public const string BenchmarkName = "NetPIPE";

    public string Format => "netpipe";

    public ParseResult Parse(TextReader input, string sourceName)
    {
        var samples = new List<Sample>();
        var hosts = new List<string>();
        var firstLine = 0;
        var recognised = false;
        foreach (var line in OutputLines.Read(input, sourceName))
        {
            var text = line.Text;
            if (Progress().Match(text) is { Success: true } progress)
            {
                Add(samples, progress.Groups["bytes"].Value, progress.Groups["mbps"].Value,
                    Numbers.Parse(progress.Groups["usec"].Value, "usec", sourceName, line.Number), sourceName, line.Number);
            }
            else if (ProgressStart().IsMatch(text))
            {
                throw new BenchmarkParseException(sourceName, line.Number, $"truncated NetPIPE progress line '{text.Trim()}'");
            }
            else if (DataRow().Match(text) is { Success: true } row)
            {
                var seconds = Numbers.Parse(row.Groups["seconds"].Value, "seconds", sourceName, line.Number);
                Add(samples, row.Groups["bytes"].Value, row.Groups["mbps"].Value, seconds * 1e6, sourceName, line.Number);
            }
            else if (AllNumbers().IsMatch(text))
            {
                throw new BenchmarkParseException(
                    sourceName, line.Number, "np.out row must have 3 columns (bytes, Mbps, seconds): " + text.Trim());
            }
            else if (RankHost().Match(text) is { Success: true } rank)
            {
                hosts.Add(rank.Groups["host"].Value);
                recognised = true;
            }
            else if (text.StartsWith("Sending output to", StringComparison.Ordinal)
                || text.StartsWith("Now starting the main loop", StringComparison.Ordinal))
            {
                recognised = true;
            }
            else
            {
                continue;
            }

            if (firstLine == 0)
            {
                firstLine = line.Number;
            }
        }

        if (samples.Count == 0 && !recognised)
        {
            throw new BenchmarkParseException(sourceName, 0, "no NetPIPE output found: no progress lines and no np.out rows");
        }

        var ranks = hosts.Count > 0 ? hosts.Count : (int?)null;
        var withRanks = samples.Select(s => s with { Meta = s.Meta with { Ranks = ranks } }).ToList();
        var run = withRanks.Count > 0
            ? new ParsedRun(BenchmarkName, firstLine, RunStatus.Ok)
            : new ParsedRun(BenchmarkName, firstLine, RunStatus.Failed,
                "no measurement lines (NetPIPE 3.7 prints them on stderr and in np.out, not on stdout)");
        return new ParseResult(withRanks, [run]);
    }

    private static void Add(List<Sample> samples, string bytesText, string mbpsText, double microseconds, string source, int line)
    {
        var bytes = Numbers.ParseLong(bytesText, "bytes", source, line);
        var mbps = Numbers.Parse(mbpsText, "Mbps", source, line);
        var meta = new SampleMeta(BenchmarkName, MessageSizeBytes: bytes);
        samples.Add(new Sample("latency", microseconds, Units.Microseconds, meta));
        samples.Add(new Sample("bandwidth", mbps * Units.Mebi / 8, Units.BytesPerSecond, meta));
    }

    [GeneratedRegex(@"^\s*\d+:\s+(?<bytes>\d+)\s+bytes\s+\d+\s+times\s+-->\s+(?<mbps>\S+)\s+Mbps\s+in\s+(?<usec>\S+)\s+usec\s*$")]
    private static partial Regex Progress();

    [GeneratedRegex(@"^\s*\d+:\s+\d+\s+bytes\b")]
    private static partial Regex ProgressStart();

    [GeneratedRegex(@"^\s*(?<bytes>\d+)\s+(?<mbps>[0-9.eE+-]+)\s+(?<seconds>[0-9.eE+-]+)\s*$")]
    private static partial Regex DataRow();

    [GeneratedRegex(@"^\s*[0-9.eE+-]+(\s+[0-9.eE+-]+)*\s*$")]
    private static partial Regex AllNumbers();

    [GeneratedRegex(@"^(?<rank>\d+):\s+(?<host>\S+)\s*$")]
    private static partial Regex RankHost();
}
