using System.Globalization;
using System.Text.RegularExpressions;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;
using VirtCluster.Config;
using VirtCluster.Engine.Config;

namespace VirtCluster.Bench.Suites;

/// <summary>
/// Loads a suite YAML file strictly: unknown or duplicate keys, wrong types and inconsistent settings are
/// <see cref="ConfigException"/>s with <c>file:line:column</c>, raised before anything runs.
/// </summary>
public static partial class SuiteLoader
{
    private static readonly string[] KnownUnits =
    [
        Units.Microseconds, Units.Seconds, Units.BytesPerSecond, Units.GigaflopsPerSecond, Units.MegaopsPerSecond,
        Units.GigaupdatesPerSecond, Units.MessagesPerSecond, Units.Percent, Units.Count,
    ];

    /// <exception cref="ConfigException">The file is missing, not YAML, or not a valid suite.</exception>
    public static SuiteDefinition Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read the suite file: {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Loads suite text; <paramref name="file"/> is only used in messages.</summary>
    /// <exception cref="ConfigException">The text is not YAML or not a valid suite.</exception>
    public static SuiteDefinition Parse(string yaml, string file)
    {
        using var reader = new StringReader(yaml);
        var root = new MappingReader(YamlTree.Read(reader, file), "");
        var name = root.RequiredString("name");
        var description = root.OptionalString("description") ?? "";
        var binaries = root.Node("binaries") is { } b ? ReadBinaries(new MappingReader(b, "binaries")) : [];
        var benchmarks = new MappingReader(root.RequiredNode("benchmarks"), "benchmarks");
        root.RejectUnknown();
        if (benchmarks.Entries.Count == 0)
        {
            throw new ConfigException(benchmarks.Location, "benchmarks", "lists no benchmark");
        }

        var definitions = benchmarks.Entries
            .Select(e => ReadBenchmark(e.Key.Value, new MappingReader(e.Value, $"benchmarks.{e.Key.Value}"), binaries))
            .ToList();
        return new SuiteDefinition(name, description, binaries, definitions, file);
    }

    private static List<RequiredBinary> ReadBinaries(MappingReader binaries)
    {
        var result = new List<RequiredBinary>();
        foreach (var (key, node) in binaries.Entries)
        {
            var binary = new MappingReader(node, binaries.KeyPath(key.Value));
            result.Add(new RequiredBinary(
                key.Value,
                binary.RequiredString("config"),
                binary.OptionalString("default") ?? "",
                binary.RequiredString("description")));
            binary.RejectUnknown();
        }

        return result;
    }

    private static BenchmarkDefinition ReadBenchmark(string name, MappingReader m, IReadOnlyList<RequiredBinary> binaries)
    {
        var description = m.OptionalString("description") ?? "";
        var parser = m.RequiredString("parser");
        var command = m.List("command").Select(n => MappingReader.AsString(n, m.KeyPath("command"))).ToList();
        var placements = m.List("placements").Select(n => ParsePlacement(n, m.KeyPath("placements"))).ToList();
        var sweep = ReadSweep(new MappingReader(m.RequiredNode("sweep"), m.KeyPath("sweep")));
        var repetitions = m.OptionalInt("repetitions") ?? 1;
        var timeout = m.Node("timeout") is { } t ? ConfigValues.Duration(t, m.KeyPath("timeout")) : TimeSpan.FromHours(1);
        var metrics = m.List("metrics").Select(n => MappingReader.AsString(n, m.KeyPath("metrics"))).ToList();
        var references = m.List("references").Select(n => ReadReference(new MappingReader(n, m.KeyPath("references")), metrics)).ToList();
        var requires = m.List("requires").Select(n => RequireBinary(n, m.KeyPath("requires"), binaries)).ToList();
        var environment = m.Node("env") is { } env ? ReadEnvironment(new MappingReader(env, m.KeyPath("env"))) : new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pattern = m.Node("pattern") is { } p ? ReadPattern(new MappingReader(p, m.KeyPath("pattern"))) : null;
        var hpcc = m.Node("hpcc") is { } h ? ReadHpcc(new MappingReader(h, m.KeyPath("hpcc")), sweep) : null;
        var ideal = m.Node("idealEfficiency") is { } i ? ReadIdeal(new MappingReader(i, m.KeyPath("idealEfficiency")), sweep) : new SortedDictionary<int, double>();
        m.RejectUnknown();

        Check(m, "parser", BenchmarkParsers.Formats.Contains(parser) || parser == "regex",
            $"'{parser}' is not a parser; use one of: {string.Join(", ", BenchmarkParsers.Formats.Append("regex"))}");
        Check(m, "pattern", (parser == "regex") == (pattern is not null), "the regex parser needs 'pattern', and only it takes one");
        Check(m, "hpcc", hpcc is null || parser == "hpcc", "only the hpcc parser takes 'hpcc' sizes");
        Check(m, "command", command.Count > 0, "is required: the program and its arguments as a list");
        Check(m, "placements", placements.Count > 0, "is required: intra-socket, inter-socket, inter-node or none");
        Check(m, "placements", !placements.Any(pl => pl is Placement.IntraSocket or Placement.InterSocket) || sweep.Processes.All(n => n == 2),
            "intra-socket and inter-socket measure one pair of ranks: sweep.processes must be [2]");
        Check(m, "repetitions", repetitions >= 1, "must be at least 1");
        Check(m, "metrics", metrics.Count > 0, "is required: the sample names this benchmark is run for");
        CheckCommand(m, command, requires, sweep);
        return new BenchmarkDefinition(name, description, parser, command, placements, sweep, repetitions, timeout, metrics,
            references, requires, environment, pattern, hpcc, ideal);
    }

    private static void CheckCommand(MappingReader m, List<string> command, List<string> requires, SweepDefinition sweep)
    {
        foreach (var argument in command)
        {
            foreach (Match braces in AnyBraces().Matches(argument))
            {
                var known = BenchmarkDefinition.Placeholders.Match(braces.Value);
                Check(m, "command", known.Success && known.Length == braces.Length,
                    $"unknown placeholder {braces.Value}; use {{binary:KEY}}, {{processes}}, {{threads}} or {{msgsize}}");
                var key = known.Groups["key"];
                Check(m, "command", !key.Success || requires.Contains(key.Value),
                    $"{braces.Value} needs '{key.Value}' in 'requires'");
            }
        }

        var usesSize = command.Any(a => a.Contains("{msgsize}", StringComparison.Ordinal));
        Check(m, "sweep", usesSize == (sweep.MessageSizes.Count > 0),
            "sweep.messageSizes and {msgsize} in the command go together (sizes the command does not use would be ignored)");
    }

    private static SweepDefinition ReadSweep(MappingReader m)
    {
        var processes = m.List("processes").Select(n => Positive(n, m.KeyPath("processes"))).ToList();
        var threads = m.List("threads").Select(n => Positive(n, m.KeyPath("threads"))).ToList();
        var sizes = m.List("messageSizes").Select(n => MappingReader.AsLong(n, m.KeyPath("messageSizes"))).ToList();
        m.RejectUnknown();
        Check(m, "processes", processes.Count > 0, "is required: the MPI process counts to run");
        Check(m, "messageSizes", sizes.All(s => s >= 0), "sizes must not be negative");
        return new SweepDefinition(processes, threads.Count > 0 ? threads : [1], sizes);
    }

    private static ReferenceValue ReadReference(MappingReader m, List<string> metrics)
    {
        var metric = m.RequiredString("metric");
        var value = m.RequiredDouble("value");
        var unit = m.RequiredString("unit");
        var tolerance = m.OptionalDouble("tolerance") ?? 0;
        var better = m.RequiredString("better") switch
        {
            "lower" => Direction.LowerIsBetter,
            "higher" => Direction.HigherIsBetter,
            _ => throw new ConfigException(m.RequiredNode("better").Location, m.KeyPath("better"), "must be 'lower' or 'higher'"),
        };
        var placement = m.Node("placement") is { } p ? ParsePlacement(p, m.KeyPath("placement")) : (Placement?)null;
        var processes = m.OptionalInt("processes");
        m.RejectUnknown();
        Check(m, "metric", metrics.Contains(metric), $"'{metric}' is not in this benchmark's metrics");
        Check(m, "unit", KnownUnits.Contains(unit), $"'{unit}' is not a sample unit; use one of: {string.Join(", ", KnownUnits)}");
        Check(m, "tolerance", tolerance >= 0, "must not be negative");
        return new ReferenceValue(metric, value, unit, tolerance, better, placement, processes);
    }

    private static PatternSpec ReadPattern(MappingReader m)
    {
        var regex = m.RequiredString("regex");
        var metric = m.RequiredString("metric");
        var unit = m.RequiredString("unit");
        var factor = m.OptionalDouble("factor") ?? 1;
        m.RejectUnknown();
        try
        {
            Check(m, "regex", new Regex(regex).GetGroupNames().Contains("value"), "needs a named group 'value', e.g. (?<value>[0-9.]+)");
        }
        catch (ArgumentException e)
        {
            throw new ConfigException(m.Location, m.KeyPath("regex"), "is not a valid regular expression: " + e.Message);
        }

        Check(m, "unit", KnownUnits.Contains(unit), $"'{unit}' is not a sample unit; use one of: {string.Join(", ", KnownUnits)}");
        return new PatternSpec(regex, metric, unit, factor);
    }

    private static HpccSizes ReadHpcc(MappingReader m, SweepDefinition sweep)
    {
        var n = m.List("n").Select(x => Positive(x, m.KeyPath("n"))).ToList();
        var nb = m.List("nb").Select(x => Positive(x, m.KeyPath("nb"))).ToList();
        var p = m.OptionalInt("p");
        var q = m.OptionalInt("q");
        m.RejectUnknown();
        Check(m, "n", n.Count > 0, "is required: HPL problem sizes");
        Check(m, "nb", nb.Count > 0, "is required: HPL block sizes");
        Check(m, "p", (p is null) == (q is null), "give both p and q, or neither to derive them from the process count");
        Check(m, "p", p is null || (p > 0 && q > 0 && p * q <= sweep.Processes.Min()),
            $"p x q must be positive and at most the smallest process count ({sweep.Processes.Min()})");
        return new HpccSizes(n, nb, p, q);
    }

    private static SortedDictionary<int, double> ReadIdeal(MappingReader m, SweepDefinition sweep)
    {
        var result = new SortedDictionary<int, double>();
        foreach (var (key, node) in m.Entries)
        {
            var processes = MappingReader.AsInt(key, m.KeyPath(key.Value));
            var efficiency = MappingReader.AsDouble(node, m.KeyPath(key.Value));
            if (!sweep.Processes.Contains(processes) || efficiency <= 0)
            {
                throw new ConfigException(key.Location, m.KeyPath(key.Value),
                    "keys must be process counts of the sweep and values positive efficiencies (1.0 = ideal)");
            }

            result[processes] = efficiency;
        }

        return result;
    }

    private static SortedDictionary<string, string> ReadEnvironment(MappingReader m)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in m.Entries)
        {
            if (!EnvironmentName().IsMatch(key.Value) || key.Value == "OMP_NUM_THREADS")
            {
                throw new ConfigException(key.Location, m.KeyPath(key.Value),
                    "must be a variable name (letters, digits, _); OMP_NUM_THREADS comes from sweep.threads");
            }

            result[key.Value] = MappingReader.AsString(node, m.KeyPath(key.Value));
        }

        return result;
    }

    private static string RequireBinary(ConfigNode node, string path, IReadOnlyList<RequiredBinary> binaries)
    {
        var key = MappingReader.AsString(node, path);
        return binaries.Any(b => b.Key == key)
            ? key
            : throw new ConfigException(node.Location, path, $"binary '{key}' is not declared under 'binaries'");
    }

    private static Placement ParsePlacement(ConfigNode node, string path) => MappingReader.AsString(node, path) switch
    {
        "intra-socket" => Placement.IntraSocket,
        "inter-socket" => Placement.InterSocket,
        "inter-node" => Placement.InterNode,
        "none" => Placement.None,
        var other => throw new ConfigException(node.Location, path,
            $"'{other}' is not a placement; use intra-socket, inter-socket, inter-node or none"),
    };

    private static int Positive(ConfigNode node, string path)
    {
        var value = MappingReader.AsInt(node, path);
        return value > 0 ? value : throw new ConfigException(node.Location, path, "must be positive");
    }

    private static void Check(MappingReader m, string key, bool condition, string message)
    {
        if (!condition)
        {
            throw new ConfigException(m.LocationOf(key), m.KeyPath(key), message);
        }
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex AnyBraces();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentName();
}
