using System.Globalization;
using System.Text.RegularExpressions;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;

namespace VirtCluster.Bench.Suites;

/// <summary>
/// One benchmark of a suite, validated: the command template, where and how often it runs, how its
/// output is read and what it is compared with. Built only by <see cref="SuiteLoader"/>.
/// </summary>
/// <param name="Name">Key of the benchmark in the suite file.</param>
/// <param name="Description">What the benchmark stands for in the report.</param>
/// <param name="Parser">Format name of the parser (<c>imb</c>, <c>npb</c>, <c>hpcc</c>, <c>netpipe</c>, <c>time</c>, <c>regex</c>).</param>
/// <param name="Placements">Placements to run at; each multiplies the sweep.</param>
/// <param name="Sweep">Process, thread and message-size axes.</param>
/// <param name="Repetitions">Runs per sweep point, so that noise can be seen.</param>
/// <param name="Timeout">Per run; a run over it is killed and recorded as failed.</param>
/// <param name="Metrics">Sample names the benchmark is run for; reports show these.</param>
/// <param name="References">Expected values to check results against.</param>
/// <param name="Requires">Keys of the suite's binaries the command uses.</param>
/// <param name="Command">Program and arguments (no shell); placeholders <c>{binary:KEY}</c>, <c>{processes}</c>, <c>{threads}</c>, <c>{msgsize}</c>.</param>
/// <param name="Environment">Extra variables exported to every rank (OMP_NUM_THREADS is set from the sweep).</param>
/// <param name="Pattern">Settings of the <c>regex</c> parser; null for the other parsers.</param>
/// <param name="Hpcc">Sizes to write into hpccinf.txt before the run; null for other programs.</param>
/// <param name="IdealEfficiency">Expected parallel efficiency per process count, drawn beside the measured curve.</param>
public sealed record BenchmarkDefinition(
    string Name,
    string Description,
    string Parser,
    IReadOnlyList<string> Command,
    IReadOnlyList<Placement> Placements,
    SweepDefinition Sweep,
    int Repetitions,
    TimeSpan Timeout,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<ReferenceValue> References,
    IReadOnlyList<string> Requires,
    IReadOnlyDictionary<string, string> Environment,
    PatternSpec? Pattern,
    HpccSizes? Hpcc,
    IReadOnlyDictionary<int, double> IdealEfficiency)
{
    /// <summary>Every run of the benchmark, placement-major, in the order the suite lists the values.</summary>
    public IEnumerable<SweepPoint> Points()
    {
        IReadOnlyList<long?> sizes = Sweep.MessageSizes.Count == 0 ? [null] : Sweep.MessageSizes.Select(s => (long?)s).ToList();
        return from placement in Placements
               from processes in Sweep.Processes
               from threads in Sweep.Threads
               from size in sizes
               select new SweepPoint(placement, processes, threads, size);
    }

    /// <summary>The program's argument list for one run, with binaries resolved to <paramref name="binaryPaths"/>.</summary>
    /// <exception cref="KeyNotFoundException">A <c>{binary:KEY}</c> has no path.</exception>
    public IReadOnlyList<string> RenderCommand(SweepPoint point, IReadOnlyDictionary<string, string> binaryPaths)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(binaryPaths);
        return Command.Select(argument => Placeholders.Replace(argument, match => match.Groups["name"].Value switch
        {
            "processes" => point.Processes.ToString(CultureInfo.InvariantCulture),
            "threads" => point.Threads.ToString(CultureInfo.InvariantCulture),
            "msgsize" => point.MessageSizeBytes?.ToString(CultureInfo.InvariantCulture) ?? "",
            _ => binaryPaths.TryGetValue(match.Groups["key"].Value, out var path)
                ? path
                : throw new KeyNotFoundException($"benchmark '{Name}': no path for binary '{match.Groups["key"].Value}'"),
        })).ToList();
    }

    /// <summary>The parser named by the suite, configured with the suite's pattern when it is <c>regex</c>.</summary>
    public IBenchmarkParser CreateParser()
    {
        if (Pattern is { } p)
        {
            return new RegexParser(Name, p.Metric, new Regex(p.Pattern, RegexOptions.CultureInvariant), p.Unit, p.Factor);
        }

        if (Parser == "time")
        {
            return new WallTimeParser(Name);
        }

        return BenchmarkParsers.TryGet(Parser, out var parser)
            ? parser
            : throw new InvalidOperationException($"benchmark '{Name}': parser '{Parser}' is not known");
    }

    /// <summary>Matches every placeholder the loader accepts; anything else in braces is an error at load time.</summary>
    internal static Regex Placeholders { get; } =
        new(@"\{(?<name>processes|threads|msgsize|binary:(?<key>[A-Za-z0-9_-]+))\}", RegexOptions.CultureInvariant);
}
