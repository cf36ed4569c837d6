using VirtCluster.Bench.Metrics;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Bench.Suites;

namespace VirtCluster.Bench.Check;

/// <summary>
/// The regression gate: compares every metric of a current results file with a baseline, each against its
/// own direction and tolerance. Only samples of successful runs count; a metric whose runs all failed is
/// missing, and missing metrics fail the gate, so a benchmark that stops working cannot hide a regression.
/// </summary>
public static class BenchCheck
{
    /// <exception cref="InvalidDataException">A metric's direction cannot be told from its unit or name, or a tolerance names no metric of either file.</exception>
    public static CheckReport Compare(ResultsFile baseline, ResultsFile current, CheckTolerances tolerances)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(tolerances);
        var before = Aggregate(baseline);
        var now = Aggregate(current);

        var metrics = before.Keys.Concat(now.Keys).Select(k => k.Metric).ToHashSet(StringComparer.Ordinal);
        if (tolerances.ByMetric.Keys.FirstOrDefault(m => !metrics.Contains(m)) is { } unknown)
        {
            throw new InvalidDataException(
                $"--tolerance names metric '{unknown}', which neither results file has; metrics are: {string.Join(", ", metrics.Order(StringComparer.Ordinal))}");
        }

        var rows = before.Select(b => Row(b.Key, b.Value, now.TryGetValue(b.Key, out var c) ? c : null, tolerances))
            .Concat(now.Where(c => !before.ContainsKey(c.Key)).Select(c => Row(c.Key, null, c.Value, tolerances)))
            .ToList();

        return new CheckReport(rows, FingerprintNotes(baseline, current), current.Runs.Where(r => r.Status == RunStatus.Failed).ToList());
    }

    /// <summary>Change in percent of the baseline; null when it is undefined (zero baseline).</summary>
    public static double? ChangePercent(double baseline, double current) =>
        baseline == 0 ? null : (current - baseline) / Math.Abs(baseline) * 100;

    private static CheckRow Row(MetricKey key, double? baseline, double? current, CheckTolerances tolerances)
    {
        var better = MetricDirections.For(key.Metric, key.Unit)
            ?? throw new InvalidDataException(
                $"metric '{key.Metric}' in unit '{key.Unit}' ({key.Environment}, {key.Benchmark}): cannot tell whether higher or lower is better; store it in one of the units of the results schema");
        var tolerance = tolerances.PercentFor(key.Metric);
        if (baseline is not { } b)
        {
            return new CheckRow(key, better, null, current, null, tolerance, Verdict.New);
        }

        if (current is not { } c)
        {
            return new CheckRow(key, better, b, null, null, tolerance, Verdict.Missing);
        }

        var change = ChangePercent(b, c);

        // With a zero baseline any difference is beyond every percentage.
        var worsening = change ?? (c == b ? 0 : double.PositiveInfinity * Math.Sign(c - b));
        if (better == Direction.HigherIsBetter)
        {
            worsening = -worsening;
        }

        var verdict = worsening > tolerance ? Verdict.Regressed
            : -worsening > tolerance ? Verdict.Improved
            : Verdict.Ok;
        return new CheckRow(key, better, b, c, change, tolerance, verdict);
    }

    /// <summary>Median per key over the samples of successful runs, in the order keys first appear.</summary>
    private static OrderedDictionary<MetricKey, double> Aggregate(ResultsFile results)
    {
        var groups = results.Runs
            .Where(r => r.Status == RunStatus.Ok)
            .SelectMany(r => r.Samples)
            .GroupBy(MetricKey.Of);
        var aggregated = new OrderedDictionary<MetricKey, double>();
        foreach (var group in groups)
        {
            aggregated.Add(group.Key, Statistics.Median(group.Select(s => s.Value)));
        }

        return aggregated;
    }

    private static List<string> FingerprintNotes(ResultsFile baseline, ResultsFile current) =>
        (from before in baseline.Environments
         join now in current.Environments on before.Name equals now.Name
         let differences = FingerprintFields.Differences(before, now)
         where differences.Count > 0
         select $"environment '{before.Name}': fingerprint differs in {string.Join(", ", differences)}").ToList();
}
