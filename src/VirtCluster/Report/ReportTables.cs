using VirtCluster.Bench.Check;
using VirtCluster.Bench.Metrics;
using VirtCluster.Bench.Model;

namespace VirtCluster.Report;

/// <summary>The report's tables, derived from the model in the layout of the paper's tables.</summary>
public static class ReportTables
{
    private static readonly Placement[] PlacementOrder = [Placement.IntraSocket, Placement.InterSocket, Placement.InterNode];

    /// <summary>
    /// One-way latency per placement (the paper's Table 2); in brackets the ratio to the same environment's
    /// intra-socket latency, which shows what leaving the socket or the node costs.
    /// </summary>
    public static ReportTable Latency(LatencySection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var placements = Placements(section);
        return new ReportTable(
            ["Environment", .. placements.Select(p => PlacementText.Of(p) + " (us)")],
            section.Rows.Select(row => (IReadOnlyList<string>)
                [row.Environment, .. placements.Select(p => row.LatencyUs.TryGetValue(p, out var us)
                    ? ReportText.Fixed(us) + (row.RatioToIntraSocket.TryGetValue(p, out var ratio) ? $" ({ReportText.Ratio(ratio)})" : "")
                    : "–")]).ToList(),
            "One-way latency in microseconds, median of repetitions; in brackets the ratio to the same environment's intra-socket latency.");
    }

    /// <summary>
    /// Latency of each environment relative to its own file's baseline at the same placement; rows whose
    /// baseline measured nothing here are left out. Null when no environment has a baseline to compare with.
    /// </summary>
    public static ReportTable? LatencyVersusBaseline(LatencySection section, IReadOnlyList<ReportEnvironment> environments)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(environments);
        var baselines = environments.ToDictionary(e => e.Label, e => e.Baseline, StringComparer.Ordinal);
        var compared = section.Rows
            .Select(row => (Row: row, Reference: baselines.TryGetValue(row.Environment, out var baseline)
                ? section.Rows.FirstOrDefault(r => r.Environment == baseline)
                : null))
            .Where(c => c.Reference is not null)
            .ToList();
        if (!compared.Any(c => c.Reference != c.Row))
        {
            return null;
        }

        var placements = Placements(section);
        return new ReportTable(
            ["Environment", "Against", .. placements.Select(PlacementText.Of)],
            compared.Select(c => (IReadOnlyList<string>)
                [c.Row.Environment, c.Reference!.Environment, .. placements.Select(p => c.Row.LatencyUs.TryGetValue(p, out var us) && c.Reference.LatencyUs.TryGetValue(p, out var b) && b > 0
                    ? ReportText.Ratio(us / b)
                    : "–")]).ToList(),
            "Latency relative to the environment under Against (the bare metal of the same results file, else its first environment) at the same placement; ×1.00 = as fast.",
            LabelColumns: 2);
    }

    /// <summary>
    /// Peak bandwidth of each curve and the message size it was reached at, then the peaks stated without a
    /// curve, as the source gives them ("about" where it says so).
    /// </summary>
    public static ReportTable PeakThroughput(ThroughputSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var measured = section.Series.Where(s => s.Points.Count > 0).Select(s =>
        {
            var peak = s.Points.MaxBy(p => p.BytesPerSecond)!;
            return (IReadOnlyList<string>)[s.Environment, PlacementText.Of(s.Placement), ReportText.Megabytes(peak.BytesPerSecond), ReportText.Bytes(peak.MessageSizeBytes)];
        });
        var published = section.Published.Select(p => (IReadOnlyList<string>)
            [p.Environment, PlacementText.Of(p.Placement), (p.Approximate ? "about " : "") + ReportText.Megabytes(p.BytesPerSecond), "not published"]);
        return new ReportTable(
            ["Environment", "Placement", "Peak (MB/s)", "At message size"],
            measured.Concat(published).ToList(),
            "MB/s = 10^6 bytes per second, median of repetitions; a peak stated without its curve has no message size.",
            LabelColumns: 2);
    }

    /// <summary>
    /// One file's single-node time (or HPL rate) per benchmark and environment with the overhead against the file's
    /// baseline (the paper's Table 3); the unit is a column of its own since published times are not all in
    /// seconds. Environments in the order of <paramref name="environments"/>.
    /// </summary>
    public static ReportTable Overhead(OverheadSection section, IReadOnlyList<ReportEnvironment> environments)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(environments);
        var baseline = section.Source.Baseline;
        var others = environments.Select(e => e.Label)
            .Where(l => section.Rows.Any(r => r.Environment == l))
            .ToList();
        var rows = section.Rows.GroupBy(r => (r.Benchmark, r.Unit)).Select(benchmark => (IReadOnlyList<string>)
            [
                benchmark.Key.Benchmark,
                benchmark.Key.Unit,
                ReportText.Fixed(benchmark.First().Baseline),
                .. others.Select(environment => benchmark.FirstOrDefault(r => r.Environment == environment) is { } row
                    ? $"{ReportText.Fixed(row.Value)} ({ReportText.SignedPercent(row.OverheadPercent)})"
                    : "–"),
            ]).ToList();
        return new ReportTable(
            ["Benchmark", "Unit", baseline, .. others],
            rows,
            $"Wall time on one node (for HPL its rate), median of repetitions; in brackets the overhead against {baseline} (positive = worse: slower, or a lower rate).",
            LabelColumns: 2);
    }

    /// <summary>Efficiency and time per process count, one column per environment.</summary>
    public static ReportTable Efficiency(EfficiencySection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var counts = section.Series.SelectMany(s => s.Points).Select(p => p.Processes).Distinct().Order();
        return new ReportTable(
            ["Processes", .. section.Series.Select(s => s.Environment)],
            counts.Select(count => (IReadOnlyList<string>)
                [ReportText.Count(count), .. section.Series.Select(s => s.Points.FirstOrDefault(p => p.Processes == count) is { } point
                    ? $"{ReportText.Percent(point.Efficiency)} ({ReportText.Fixed(point.Time)} s)"
                    : "–")]).ToList(),
            "Parallel efficiency relative to each environment's smallest run, (T_base × p_base) / (T × p); in brackets the median wall time.");
    }

    /// <summary>
    /// Efficiencies stated as numbers, one row per benchmark and run size, one column per environment that
    /// has one: the paper's 16-node figures from its text.
    /// </summary>
    public static ReportTable PublishedEfficiency(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var columns = model.Environments.Select(e => e.Label)
            .Where(l => model.PublishedEfficiency.Any(p => p.Environment == l))
            .ToList();
        var rows = model.PublishedEfficiency.GroupBy(p => (p.Benchmark, p.Nodes, p.Ranks, p.Threads)).Select(size => (IReadOnlyList<string>)
            [
                size.Key.Benchmark,
                size.Key.Nodes is { } nodes ? ReportText.Count(nodes) : "–",
                size.Key.Ranks is { } ranks ? ReportText.Count(ranks) + (size.Key.Threads is { } threads ? " × " + ReportText.Count(threads) : "") : "–",
                .. columns.Select(environment => size.FirstOrDefault(p => p.Environment == environment) is { } point
                    ? ReportText.PublishedPercent(point.Efficiency)
                    : "–"),
            ]).ToList();
        return new ReportTable(
            ["Benchmark", "Nodes", "Processes × threads", .. columns],
            rows,
            "Parallel efficiency relative to one node as the source states it; the times behind it are not recorded.");
    }

    /// <summary>Fingerprints side by side, one column per environment; rows that differ are highlighted.</summary>
    public static ReportTable Fingerprints(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fields = FingerprintFields.All;
        var highlighted = fields.Select((f, i) => (f.Name, i))
            .Where(f => model.DifferingFingerprintFields.Contains(f.Name))
            .Select(f => f.i)
            .ToHashSet();
        return new ReportTable(
            ["", .. model.Environments.Select(e => e.Label)],
            fields.Select(f => (IReadOnlyList<string>)[f.Name, .. model.Environments.Select(e => f.Value(e.Fingerprint) ?? "–")]).ToList(),
            "– = not recorded. Highlighted rows differ between environments.",
            highlighted,
            TextCells: true);
    }

    public static ReportTable FailedRuns(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ReportTable(
            ["Environment", "Run", "Benchmark", "Reason"],
            model.FailedRuns.Select(r => (IReadOnlyList<string>)[r.Environment, r.RunId, r.Benchmark, r.Reason]).ToList(),
            TextCells: true);
    }

    private static List<Placement> Placements(LatencySection section) =>
        PlacementOrder.Where(p => section.Rows.Any(r => r.LatencyUs.ContainsKey(p))).ToList();
}
