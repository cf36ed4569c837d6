using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Metrics;

/// <summary>
/// Parallel efficiency relative to the smallest run, which suites make the one-node run (the paper: 4
/// processes x 2 threads fill one 8-core node). Measuring against one node rather than one process keeps
/// intra-node effects out and shows what the interconnect and virtualisation cost as nodes are added.
/// </summary>
public static class ParallelEfficiency
{
    /// <param name="times">Wall time per process count; one entry per count.</param>
    /// <param name="ideal">Expected efficiency per process count (optional), copied beside the measured one.</param>
    public static IReadOnlyList<EfficiencyPoint> Compute(
        IReadOnlyDictionary<int, double> times, IReadOnlyDictionary<int, double>? ideal = null)
    {
        if (times.Count == 0)
        {
            return [];
        }

        if (times.Any(t => t.Key <= 0 || t.Value <= 0))
        {
            throw new ArgumentException("process counts and times must be positive", nameof(times));
        }

        var baseProcesses = times.Keys.Min();
        var baseWork = times[baseProcesses] * baseProcesses;
        return times
            .OrderBy(t => t.Key)
            .Select(t => new EfficiencyPoint(
                t.Key,
                t.Value,
                baseWork / (t.Value * t.Key),
                ideal is not null && ideal.TryGetValue(t.Key, out var i) ? i : null))
            .ToList();
    }

    /// <summary>One series per benchmark and environment from samples of <paramref name="metric"/> (seconds) with a rank count.</summary>
    public static IReadOnlyList<EfficiencySeries> Build(
        IEnumerable<Sample> samples, string metric = "time", IReadOnlyDictionary<int, double>? ideal = null) =>
        samples
            .Where(s => s.Metric == metric && s.Unit == Units.Seconds && s.Meta.Ranks is not null)
            .GroupBy(s => (s.Meta.Benchmark, Environment: Statistics.EnvironmentOf(s)))
            .Select(g => new EfficiencySeries(
                g.Key.Benchmark,
                g.Key.Environment,
                Compute(g.GroupBy(s => s.Meta.Ranks!.Value).ToDictionary(r => r.Key, r => Statistics.Median(r.Select(s => s.Value))), ideal)))
            .ToList();
}
