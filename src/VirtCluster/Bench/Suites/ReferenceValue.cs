using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Suites;

/// <summary>
/// A published or expected number to compare a run with (e.g. the paper's 0.41 us intra-socket latency),
/// so a report can say whether a cluster performs as it should rather than only what it measured.
/// </summary>
/// <param name="Metric">Sample metric the reference applies to.</param>
/// <param name="Value">The reference, in <paramref name="Unit"/>.</param>
/// <param name="Unit">One of <see cref="Units"/>; must match the samples'.</param>
/// <param name="Tolerance">Allowed relative shortfall, e.g. 0.1 for 10 % worse than the reference.</param>
/// <param name="Better">Which way is better, so that a faster run never fails the check.</param>
/// <param name="Placement">Only samples with this placement, when given.</param>
/// <param name="Processes">Only samples with this many ranks, when given.</param>
public sealed record ReferenceValue(
    string Metric,
    double Value,
    string Unit,
    double Tolerance,
    Direction Better,
    Placement? Placement = null,
    int? Processes = null)
{
    /// <summary>True when <paramref name="measured"/> is at least as good as the reference, minus the tolerance.</summary>
    public bool Accepts(double measured) => Better == Direction.LowerIsBetter
        ? measured <= Value * (1 + Tolerance)
        : measured >= Value * (1 - Tolerance);

    /// <summary>True when the reference is about this sample (metric, unit, placement, ranks).</summary>
    public bool AppliesTo(Sample sample) =>
        sample.Metric == Metric
        && sample.Unit == Unit
        && (Placement is null || sample.Meta.Placement == Placement)
        && (Processes is null || sample.Meta.Ranks == Processes);
}
