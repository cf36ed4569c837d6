using System.Text.RegularExpressions;
using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Parsers;

/// <summary>
/// Wall-clock time of an application that reports no figure of its own, as printed by the shell's
/// <c>time</c> (<c>real 1m2.345s</c>), <c>time -p</c> (<c>real 62.34</c>) or GNU <c>/usr/bin/time -v</c>
/// (<c>Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34</c>). Each occurrence is one <c>wall_time</c>
/// sample in seconds.
/// </summary>
public sealed partial class WallTimeParser(string benchmark = "application") : IBenchmarkParser
{
    public string Format => "time";

    public ParseResult Parse(TextReader input, string sourceName)
    {
        var samples = new List<Sample>();
        var firstLine = 0;
        foreach (var line in OutputLines.Read(input, sourceName))
        {
            double? seconds = null;
            if (ShellTime().Match(line.Text) is { Success: true } shell)
            {
                var minutes = shell.Groups["m"].Success ? Numbers.Parse(shell.Groups["m"].Value, "minutes", sourceName, line.Number) : 0;
                seconds = (minutes * 60) + Numbers.Parse(shell.Groups["s"].Value, "seconds", sourceName, line.Number);
            }
            else if (GnuTime().Match(line.Text) is { Success: true } gnu)
            {
                seconds = Clock(gnu.Groups["clock"].Value, sourceName, line.Number);
            }

            if (seconds is { } value)
            {
                samples.Add(new Sample("wall_time", value, Units.Seconds, new SampleMeta(benchmark)));
                firstLine = firstLine == 0 ? line.Number : firstLine;
            }
        }

        if (samples.Count == 0)
        {
            throw new BenchmarkParseException(
                sourceName, 0, "no wall time found: expected 'real 1m2.3s', 'real 62.3' or 'Elapsed (wall clock) time ...: m:ss'");
        }

        return new ParseResult(samples, [new ParsedRun(benchmark, firstLine, RunStatus.Ok)]);
    }

    private static double Clock(string clock, string source, int line)
    {
        var total = 0.0;
        foreach (var part in clock.Split(':'))
        {
            total = (total * 60) + Numbers.Parse(part, "elapsed time", source, line);
        }

        return total;
    }

    [GeneratedRegex(@"^\s*real\s+(?:(?<m>\d+)m)?(?<s>\d+(?:\.\d+)?)s?\s*$")]
    private static partial Regex ShellTime();

    [GeneratedRegex(@"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\):\s*(?<clock>\d+(?::\d+){1,2}(?:\.\d+)?)\s*$")]
    private static partial Regex GnuTime();
}
