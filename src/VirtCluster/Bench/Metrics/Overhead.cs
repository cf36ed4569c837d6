using VirtCluster.Bench.Model;
using VirtCluster.Bench.Suites;

namespace VirtCluster.Bench.Metrics;

/// <summary>
/// Single-node results against a baseline environment (usually bare metal): the cost of virtualisation
/// when the interconnect plays no part.
/// </summary>
public static class Overhead
{
    /// <summary>
    /// Percent by which <paramref name="value"/> is worse than <paramref name="baseline"/>: for times,
    /// (value / baseline - 1) x 100; for rates, (baseline / value - 1) x 100.
    /// </summary>
    public static double Percent(double value, double baseline, Direction better = Direction.LowerIsBetter)
    {
        if (value <= 0 || baseline <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "overhead needs positive values");
        }

        return better == Direction.LowerIsBetter ? ((value / baseline) - 1) * 100 : ((baseline / value) - 1) * 100;
    }

    /// <summary>
    /// One row per benchmark and non-baseline environment, from single-node samples of <paramref name="metric"/>
    /// (samples with more than one node are ignored). Benchmarks without a baseline sample have no rows.
    /// Samples in different units are never set against each other (a time in minutes is not a time in
    /// seconds), so a benchmark recorded in two units gets rows for each unit that has a baseline.
    /// </summary>
    public static IReadOnlyList<OverheadRow> Build(
        IEnumerable<Sample> samples, string baselineEnvironment, string metric = "time", Direction better = Direction.LowerIsBetter)
    {
        var rows = new List<OverheadRow>();
        var singleNode = samples.Where(s => s.Metric == metric && s.Meta.Nodes is null or 1);
        foreach (var benchmark in singleNode.GroupBy(s => (s.Meta.Benchmark, s.Unit)))
        {
            var byEnvironment = benchmark.GroupBy(Statistics.EnvironmentOf)
                .ToDictionary(g => g.Key, g => Statistics.Median(g.Select(s => s.Value)));
            if (!byEnvironment.TryGetValue(baselineEnvironment, out var baseline))
            {
                continue;
            }

            rows.AddRange(byEnvironment
                .Where(e => e.Key != baselineEnvironment)
                .Select(e => new OverheadRow(benchmark.Key.Benchmark, e.Key, e.Value, baseline, Percent(e.Value, baseline, better), benchmark.Key.Unit)));
        }

        return rows;
    }
}
