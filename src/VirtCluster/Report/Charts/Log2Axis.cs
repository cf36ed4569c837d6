using System.Globalization;
using ScottPlot.TickGenerators;

namespace VirtCluster.Report.Charts;

/// <summary>
/// A base-2 logarithmic axis: values are plotted as their log2 and ticks are labelled with the original
/// values, since message sizes and process counts grow by doubling.
/// </summary>
internal static class Log2Axis
{
    /// <summary>Most major tick labels that fit side by side under a chart without touching.</summary>
    private const int MaxLabels = 9;

    public static double Position(double value) => Math.Log2(value);

    /// <summary>Ticks for message sizes from <paramref name="smallest"/> to <paramref name="largest"/> bytes, labelled B/KiB/MiB/GiB.</summary>
    public static NumericManual ByteTicks(long smallest, long largest)
    {
        var first = (int)Math.Floor(Math.Log2(smallest));
        var last = (int)Math.Ceiling(Math.Log2(largest));
        var step = new[] { 1, 2, 5, 10 }.First(s => ((last - first) / s) + 1 <= MaxLabels || s == 10);
        var ticks = new NumericManual();
        for (var power = first; power <= last; power++)
        {
            if (power % step == 0)
            {
                ticks.AddMajor(power, ByteLabel(power));
            }
            else
            {
                ticks.AddMinor(power);
            }
        }

        return ticks;
    }

    /// <summary>One labelled tick per process count measured.</summary>
    public static NumericManual CountTicks(IEnumerable<int> counts)
    {
        var ticks = new NumericManual();
        foreach (var count in counts.Distinct().Order())
        {
            ticks.AddMajor(Position(count), count.ToString(CultureInfo.InvariantCulture));
        }

        return ticks;
    }

    /// <summary>2^<paramref name="power"/> bytes in the largest binary unit that keeps it whole, e.g. <c>64 KiB</c>.</summary>
    public static string ByteLabel(int power)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var unit = Math.Min(power / 10, units.Length - 1);
        return (1L << (power - (unit * 10))).ToString(CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
