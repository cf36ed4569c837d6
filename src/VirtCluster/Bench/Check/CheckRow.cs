using VirtCluster.Bench.Suites;

namespace VirtCluster.Bench.Check;

/// <summary>One line of the check table.</summary>
/// <param name="Key">What was measured where.</param>
/// <param name="Better">Which way is an improvement.</param>
/// <param name="Baseline">Median in the baseline; null when the metric is new.</param>
/// <param name="Current">Median now; null when the metric is missing.</param>
/// <param name="ChangePercent">(now - baseline) / baseline x 100; null when either side is absent or the baseline is zero.</param>
/// <param name="TolerancePercent">The bound the change was held against.</param>
/// <param name="Verdict">The outcome.</param>
public sealed record CheckRow(
    MetricKey Key,
    Direction Better,
    double? Baseline,
    double? Current,
    double? ChangePercent,
    double TolerancePercent,
    Verdict Verdict);
