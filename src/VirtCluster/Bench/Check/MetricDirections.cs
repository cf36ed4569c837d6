using VirtCluster.Bench.Model;
using VirtCluster.Bench.Suites;

namespace VirtCluster.Bench.Check;

/// <summary>
/// Which way each metric improves, so that a faster run never fails the check and a slower one always can.
/// The unit decides for nearly every sample, since parsers store every metric in one of <see cref="Units"/>;
/// the metric's name decides only for percentages.
/// </summary>
public static class MetricDirections
{
    /// <summary>The direction of <paramref name="metric"/> in <paramref name="unit"/>; null when neither tells.</summary>
    public static Direction? For(string metric, string unit)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return unit switch
        {
            Units.Microseconds or Units.Seconds or Units.Minutes => Direction.LowerIsBetter,

            // IMB's defects column: a count of errors.
            Units.Count => Direction.LowerIsBetter,
            Units.BytesPerSecond or Units.GigaflopsPerSecond or Units.MegaopsPerSecond
                or Units.GigaupdatesPerSecond or Units.MessagesPerSecond => Direction.HigherIsBetter,

            // Overlap and efficiency percentages grow with quality; overheads shrink.
            Units.Percent => metric.Contains("overhead", StringComparison.OrdinalIgnoreCase)
                ? Direction.LowerIsBetter
                : Direction.HigherIsBetter,
            _ => ByName(metric),
        };
    }

    private static Direction? ByName(string metric)
    {
        if (metric.Contains("latency", StringComparison.OrdinalIgnoreCase) || metric.Contains("time", StringComparison.OrdinalIgnoreCase))
        {
            return Direction.LowerIsBetter;
        }

        if (metric.Contains("bandwidth", StringComparison.OrdinalIgnoreCase) || metric.Contains("efficiency", StringComparison.OrdinalIgnoreCase))
        {
            return Direction.HigherIsBetter;
        }

        return null;
    }
}
