using System.Globalization;

namespace VirtCluster.Bench.Check;

/// <summary>
/// How far each metric may move in the bad direction before the check fails, in percent of the baseline.
/// Noisy metrics (latency on a shared host, anything under emulation) need wider bounds than steady ones,
/// so each metric can have its own; <c>*</c> sets the default for all others.
/// </summary>
/// <param name="DefaultPercent">Applies to metrics without their own entry.</param>
/// <param name="ByMetric">Per metric name, e.g. <c>PingPong.latency</c> -> 10.</param>
public sealed record CheckTolerances(double DefaultPercent, IReadOnlyDictionary<string, double> ByMetric)
{
    /// <summary>Default tolerance: above the run-to-run noise of a quiet dedicated cluster, below a real regression.</summary>
    public const double StandardPercent = 5;

    /// <summary>The standard default and no per-metric entries.</summary>
    public static CheckTolerances Standard { get; } = new(StandardPercent, new Dictionary<string, double>(StringComparer.Ordinal));

    public double PercentFor(string metric) => ByMetric.TryGetValue(metric, out var percent) ? percent : DefaultPercent;

    /// <summary>Reads <c>METRIC=PCT</c> arguments (<c>PCT</c> may end in <c>%</c>; <c>*=PCT</c> sets the default).</summary>
    /// <exception cref="FormatException">An argument is not of that form, or a percentage is negative or repeated.</exception>
    public static CheckTolerances Parse(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var defaultPercent = StandardPercent;
        var byMetric = new Dictionary<string, double>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var equals = argument.LastIndexOf('=');
            var metric = equals > 0 ? argument[..equals].Trim() : "";
            var text = equals > 0 ? argument[(equals + 1)..].Trim().TrimEnd('%') : "";
            if (metric.Length == 0
                || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent)
                || !double.IsFinite(percent)
                || percent < 0)
            {
                throw new FormatException($"--tolerance '{argument}': expected METRIC=PCT with a non-negative number, e.g. PingPong.latency=10 or *=8");
            }

            if (!seen.Add(metric))
            {
                throw new FormatException($"--tolerance '{argument}': a tolerance for '{metric}' was already given");
            }

            if (metric == "*")
            {
                defaultPercent = percent;
            }
            else
            {
                byMetric[metric] = percent;
            }
        }

        return new CheckTolerances(defaultPercent, byMetric);
    }
}
