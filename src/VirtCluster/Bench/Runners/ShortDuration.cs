using System.Globalization;

namespace VirtCluster.Bench.Runners;

/// <summary>
/// Durations as a person reads them on a console, with no more precision than a glance needs:
/// <c>0.4s</c>, <c>42s</c>, <c>1m30s</c>, <c>2h05m</c>.
/// </summary>
internal static class ShortDuration
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        if (duration < TimeSpan.FromSeconds(10))
        {
            // Truncated, not rounded: 9.96 s must not read as "10.0s", a heartbeat at 0.1 s not as "0.2s".
            return (Math.Floor(duration.TotalSeconds * 10) / 10).ToString("0.0", CultureInfo.InvariantCulture) + "s";
        }

        var whole = TimeSpan.FromSeconds(Math.Floor(duration.TotalSeconds));
        return whole switch
        {
            { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{whole.Seconds}s"),
            { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{whole.Minutes}m{whole.Seconds:00}s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(int)whole.TotalHours}h{whole.Minutes:00}m"),
        };
    }
}
