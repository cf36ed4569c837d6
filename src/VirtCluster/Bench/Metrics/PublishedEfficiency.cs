using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Metrics;

/// <summary>
/// Parallel efficiencies recorded as numbers rather than computed from times. Papers state efficiencies at
/// the largest scale in their text ("88 % on 16 nodes") and show the times only in a figure, so there is
/// nothing to compute them from; they are kept apart from <see cref="ParallelEfficiency"/> so that a stated
/// number is never mistaken for a measured one.
/// </summary>
public static class PublishedEfficiency
{
    /// <summary>The metric name such efficiencies are recorded under, in <see cref="Units.Percent"/>.</summary>
    public const string Metric = "efficiency";

    /// <summary>
    /// One point per benchmark, environment and run size (nodes, ranks, threads) from samples of
    /// <paramref name="metric"/> in percent; repetitions are reduced to their median. Order of first appearance.
    /// </summary>
    public static IReadOnlyList<PublishedEfficiencyPoint> Build(IEnumerable<Sample> samples, string metric = Metric) =>
        samples
            .Where(s => s.Metric == metric && s.Unit == Units.Percent)
            .GroupBy(s => (s.Meta.Benchmark, Environment: Statistics.EnvironmentOf(s), s.Meta.Nodes, s.Meta.Ranks, s.Meta.Threads))
            .Select(g => new PublishedEfficiencyPoint(
                g.Key.Benchmark, g.Key.Environment, g.Key.Nodes, g.Key.Ranks, g.Key.Threads, Statistics.Median(g.Select(s => s.Value)) / 100))
            .ToList();
}
