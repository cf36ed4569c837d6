using VirtCluster.Bench.Check;
using VirtCluster.Bench.Metrics;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Bench.Suites;

namespace VirtCluster.Report;

/// <summary>
/// Merges results files into one <see cref="ReportModel"/>: environments get unique labels, samples of
/// successful runs are relabelled with them and fed to the metric tables. Overheads are computed within
/// each file, against that file's own baseline; across files, environments meet in the same tables and
/// charts by name, with a fingerprint note wherever two files use the same name.
/// </summary>
public static class ReportModelBuilder
{
    /// <summary>Latency measurements the report knows, with the message size their table is read at.</summary>
    private static readonly (string Metric, long MessageSizeBytes, string Title)[] LatencySources =
    [
        ("PingPong.latency", 0, "IMB PingPong, 0-byte messages"),
        ("latency", 1, "NetPIPE, 1-byte messages"),
    ];

    /// <summary>Bandwidth measurements the report knows, each with the metric its peaks are published under.</summary>
    private static readonly (string Metric, string PeakMetric, string Title, string Slug)[] ThroughputSources =
    [
        ("PingPong.bandwidth", "PingPong.peakBandwidth", "IMB PingPong", "throughput-imb-pingpong"),
        ("bandwidth", "peakBandwidth", "NetPIPE", "throughput-netpipe"),
    ];

    /// <summary>The metric single-node overhead and parallel efficiency are computed from.</summary>
    public const string TimeMetric = "time";

    /// <summary>The rate single-node overhead is computed from as well (higher is better): HPL of HPC Challenge, in Gflop/s.</summary>
    public const string RateMetric = "HPL";

    /// <exception cref="ArgumentException">No results files were given.</exception>
    public static ReportModel Build(IReadOnlyList<ResultsFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new ArgumentException("a report needs at least one results file", nameof(files));
        }

        var labels = Labels(files);
        var sources = files
            .Select((file, index) => new ReportSource(file.RunId, file.Created, file.Suite, labels[(index, BaselineOf(file).Name)]))
            .ToList();
        var environments = files
            .SelectMany((file, index) => file.Environments.Select(e => new ReportEnvironment(labels[(index, e.Name)], e, file.RunId, sources[index].Baseline)))
            .ToList();
        var samplesByFile = files.Select((file, index) => Relabelled(file, index, labels).ToList()).ToList();
        var samples = samplesByFile.SelectMany(s => s).ToList();

        return new ReportModel(
            sources,
            environments,
            LatencySources
                .Select(s => new LatencySection(s.Title, LatencyTable.Build(samples, s.Metric, s.MessageSizeBytes)))
                .Where(s => s.Rows.Count > 0)
                .ToList(),
            ThroughputSources
                .Select(s => new ThroughputSection(s.Title, s.Slug, ThroughputCurve.Build(samples, s.Metric), PublishedPeak.Build(samples, s.PeakMetric)))
                .Where(s => s.Series.Count > 0 || s.Published.Count > 0)
                .ToList(),
            sources
                .Select((source, index) => new OverheadSection(source, OverheadRows(samplesByFile[index], source.Baseline)))
                .Where(s => s.Rows.Count > 0)
                .ToList(),
            ParallelEfficiency.Build(samples, TimeMetric)
                .Where(s => s.Points.Count >= 2)
                .GroupBy(s => s.Benchmark)
                .Select(g => new EfficiencySection(g.Key, "efficiency-" + Slug(g.Key), g.ToList()))
                .GroupBy(s => s.Slug)
                .SelectMany(same => same.Select((s, i) => i == 0 ? s : s with { Slug = $"{s.Slug}-{i + 1}" }))
                .ToList(),
            PublishedEfficiency.Build(samples),
            FingerprintNotes(files, labels),
            FingerprintFields.All
                .Where(f => environments.Select(e => f.Value(e.Fingerprint)).Distinct(StringComparer.Ordinal).Count() > 1)
                .Select(f => f.Name)
                .ToList(),
            files.SelectMany((file, index) => file.Runs
                    .Where(r => r.Status == RunStatus.Failed)
                    .Select(r => new FailedRun(labels[(index, r.Environment)], r.Id, r.Benchmark, r.Reason ?? "")))
                .ToList());
    }

    /// <summary>
    /// Single-node times against the baseline, then single-node HPL rates, named after the benchmark and the metric so
    /// that a benchmark that also has a time (HPCC does not, an application might) gets two distinct rows.
    /// </summary>
    private static List<OverheadRow> OverheadRows(IReadOnlyList<Sample> samples, string baseline) =>
    [
        .. Overhead.Build(samples, baseline, TimeMetric),
        .. Overhead.Build(samples, baseline, RateMetric, Direction.HigherIsBetter).Select(row => row with { Benchmark = $"{row.Benchmark} {RateMetric}" }),
    ];

    /// <summary>
    /// The environment a file's others are compared against: its bare metal, which ran on the same hardware;
    /// without one, its first environment, so that a file of two hypervisors still shows how they differ.
    /// </summary>
    private static EnvironmentFingerprint BaselineOf(ResultsFile file) =>
        file.Environments.FirstOrDefault(e => e.Kind == EnvironmentKind.BareMetal) ?? file.Environments[0];

    /// <summary>Lower-case letters, digits and dashes, for file names that are safe everywhere.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 0 ? slug : "unnamed";
    }

    /// <summary>
    /// The environment's own name where it is unique across the files; with the run id (or the file's
    /// position, when run ids repeat too) where two files use the same name, as two runs of one stack do.
    /// </summary>
    private static Dictionary<(int File, string Name), string> Labels(IReadOnlyList<ResultsFile> files)
    {
        var uses = files.SelectMany((f, i) => f.Environments.Select(e => (File: i, e.Name, f.RunId))).ToList();
        var labels = new Dictionary<(int, string), string>();
        foreach (var use in uses)
        {
            var sameName = uses.Where(u => u.Name == use.Name).ToList();
            labels[(use.File, use.Name)] = sameName.Count == 1 ? use.Name
                : sameName.Count(u => u.RunId == use.RunId) == 1 ? $"{use.Name} ({use.RunId})"
                : $"{use.Name} (file {use.File + 1})";
        }

        return labels;
    }

    /// <summary>
    /// Samples of the file's successful runs, carrying the environment's label and kind. A problem class
    /// becomes part of the benchmark's name, so that class W on a laptop is never set against class C on a
    /// cluster in the same row.
    /// </summary>
    private static IEnumerable<Sample> Relabelled(ResultsFile file, int index, Dictionary<(int File, string Name), string> labels)
    {
        var kinds = file.Environments.ToDictionary(e => e.Name, e => e.Kind, StringComparer.Ordinal);
        return file.Runs
            .Where(r => r.Status == RunStatus.Ok)
            .SelectMany(r => r.Samples.Select(s => s with
            {
                Meta = s.Meta with
                {
                    Benchmark = s.Meta.Parameters.TryGetValue("class", out var problemClass) ? $"{s.Meta.Benchmark} class {problemClass}" : s.Meta.Benchmark,
                    EnvironmentName = labels[(index, r.Environment)],
                    EnvironmentKind = kinds[r.Environment],
                },
            }));
    }

    private static List<FingerprintNote> FingerprintNotes(IReadOnlyList<ResultsFile> files, Dictionary<(int File, string Name), string> labels)
    {
        var notes = new List<FingerprintNote>();
        var uses = files.SelectMany((f, i) => f.Environments.Select(e => (File: i, Environment: e))).ToList();
        foreach (var group in uses.GroupBy(u => u.Environment.Name).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                var differences = FingerprintFields.Differences(first.Environment, other.Environment);
                var pair = $"'{labels[(first.File, group.Key)]}' and '{labels[(other.File, group.Key)]}'";
                var recorded = FingerprintFields.All.Count(f => f.Value(first.Environment) is not null);
                notes.Add(differences.Count == 0
                    ? new FingerprintNote($"{pair} have identical fingerprints ({recorded} of {FingerprintFields.All.Count} parts recorded): differences between them are measurement noise.", Matching: true)
                    : new FingerprintNote($"{pair} share a name but their fingerprints differ in {string.Join(", ", differences)}: they are not runs of the same setup, and that may explain part of any difference.", Matching: false));
            }
        }

        return notes;
    }
}
