using System.Text.RegularExpressions;
using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Parsers;

/// <summary>
/// For user applications that print their own figure of merit: every match of a pattern with a named
/// group <c>value</c> becomes one sample. The suite gives the pattern, the unit it prints in and the
/// factor to a unit of <see cref="Units"/>.
/// </summary>
public sealed class RegexParser : IBenchmarkParser
{
    private readonly Regex _pattern;
    private readonly string _benchmark;
    private readonly string _metric;
    private readonly string _unit;
    private readonly double _factor;

    /// <exception cref="ArgumentException">The pattern has no group named <c>value</c>.</exception>
    public RegexParser(string benchmark, string metric, Regex pattern, string unit, double factor = 1)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!pattern.GetGroupNames().Contains("value"))
        {
            throw new ArgumentException($"pattern '{pattern}' has no named group 'value', e.g. (?<value>[0-9.]+)", nameof(pattern));
        }

        _pattern = pattern;
        _benchmark = benchmark;
        _metric = metric;
        _unit = unit;
        _factor = factor;
    }

    public string Format => "regex";

    public ParseResult Parse(TextReader input, string sourceName)
    {
        var samples = new List<Sample>();
        var firstLine = 0;
        foreach (var line in OutputLines.Read(input, sourceName))
        {
            foreach (Match match in _pattern.Matches(line.Text))
            {
                var value = Numbers.Parse(match.Groups["value"].Value, $"group 'value' of /{_pattern}/", sourceName, line.Number);
                samples.Add(new Sample(_metric, value * _factor, _unit, new SampleMeta(_benchmark)));
                firstLine = firstLine == 0 ? line.Number : firstLine;
            }
        }

        if (samples.Count == 0)
        {
            throw new BenchmarkParseException(sourceName, 0, $"pattern /{_pattern}/ matched no line");
        }

        return new ParseResult(samples, [new ParsedRun(_benchmark, firstLine, RunStatus.Ok)]);
    }
}
