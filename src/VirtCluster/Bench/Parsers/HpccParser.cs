using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Parsers;

/// <summary>
/// HPC Challenge <c>hpccoutf.txt</c>: reads the machine-readable summary section (<c>key=value</c>) of each
/// run in the file. A run is failed when HPCC says so (<c>Success=0</c> or a non-zero <c>Failure</c>);
/// empty values are absent numbers, not zeros, and so are negative ones: HPCC writes -1 for what it could not
/// measure (the PingPong figures of a run on one process), and none of the figures read can be negative. Metric names are the HPCC keys without their unit suffix
/// (<c>HPL</c>, <c>StarSTREAM_Triad</c>, <c>MinPingPongLatency</c>), values in <see cref="Units"/>.
/// </summary>
public sealed class HpccParser : IBenchmarkParser
{
    public const string BenchmarkName = "HPCC";

    private const string Begin = "Begin of Summary section.";
    private const string End = "End of Summary section.";

    public string Format => "hpcc";

    public ParseResult Parse(TextReader input, string sourceName)
    {
        var samples = new List<Sample>();
        var runs = new List<ParsedRun>();
        List<(OutputLine Line, string Key, string Value)>? summary = null;
        var summaryStart = 0;
        var bannerLine = 0;
        foreach (var line in OutputLines.Read(input, sourceName))
        {
            var text = line.Text.Trim();
            if (summary is null)
            {
                if (text.StartsWith("This is the DARPA/DOE HPC Challenge Benchmark", StringComparison.Ordinal))
                {
                    CloseUnsummarised(runs, bannerLine);
                    bannerLine = line.Number;
                }
                else if (text == Begin)
                {
                    summary = [];
                    summaryStart = line.Number;
                }

                continue;
            }

            if (text == End)
            {
                runs.Add(ReadSummary(summary, summaryStart, sourceName, samples));
                summary = null;
                bannerLine = 0;
                continue;
            }

            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new BenchmarkParseException(sourceName, line.Number, $"summary line '{Shorten(text)}' is not key=value");
            }

            summary.Add((line, text[..equals].Trim(), text[(equals + 1)..].Trim()));
        }

        if (summary is not null)
        {
            throw new BenchmarkParseException(
                sourceName, summaryStart, $"summary section has no '{End}' line (output truncated)");
        }

        CloseUnsummarised(runs, bannerLine);
        if (runs.Count == 0)
        {
            throw new BenchmarkParseException(sourceName, 0, "no HPCC output found: no banner and no summary section");
        }

        return new ParseResult(samples, runs);
    }

    private static void CloseUnsummarised(List<ParsedRun> runs, int bannerLine)
    {
        if (bannerLine > 0)
        {
            runs.Add(new ParsedRun(BenchmarkName, bannerLine, RunStatus.Failed,
                "incomplete: no summary section (HPCC stopped before the end)"));
        }
    }

    private static ParsedRun ReadSummary(
        List<(OutputLine Line, string Key, string Value)> summary, int startLine, string source, List<Sample> samples)
    {
        string Get(string key) => summary.FirstOrDefault(e => e.Key == key).Value ?? "";
        var version = string.Join('.', new[] { "VersionMajor", "VersionMinor", "VersionMicro" }.Select(Get).Where(v => v.Length > 0));
        var name = version.Length > 0 ? $"{BenchmarkName} {version}" : BenchmarkName;
        var procs = summary.FirstOrDefault(e => e.Key == "CommWorldProcs");
        int? ranks = procs.Value is { Length: > 0 } ? Numbers.ParseInt(procs.Value, "CommWorldProcs", source, procs.Line.Number) : null;

        var success = Get("Success");
        var failure = Get("Failure");
        if (success == "0" || (failure.Length > 0 && failure != "0"))
        {
            return new ParsedRun(name, startLine, RunStatus.Failed,
                $"HPCC reported failure (Success={success}{(failure.Length > 0 ? ", Failure=" + failure : "")})");
        }

        var meta = new SampleMeta(BenchmarkName, version, Ranks: ranks);
        foreach (var (line, key, value) in summary)
        {
            if (value.Length == 0 || !HpccSummaryKey.Known.TryGetValue(key, out var known))
            {
                continue;
            }

            var number = Numbers.Parse(value, key, source, line.Number);
            if (number < 0)
            {
                continue;
            }

            samples.Add(new Sample(known.Metric, Numbers.Scaled(number * known.Factor, key, source, line.Number), known.Unit, meta));
        }

        return new ParsedRun(name, startLine, RunStatus.Ok);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
