using System.Globalization;
using ScottPlot.TickGenerators;

namespace VirtCluster.Report.Charts;

/// <summary>
/// A base-10 logarithmic axis: values are plotted as their log10 and ticks are labelled with the original
/// values. Bandwidths span decades — an emulated guest can be 50 times slower than bare metal, and small
/// messages are slower still — and on a linear axis the slower curves would lie flat on zero.
/// </summary>
internal static class Log10Axis
{
    /// <summary>Most labelled decades that fit beside a chart without crowding.</summary>
    private const int MaxLabels = 8;

    public static double Position(double value) => Math.Log10(value);

    /// <summary>The whole decades that enclose <paramref name="smallest"/> to <paramref name="largest"/> (both positive), as powers of ten.</summary>
    public static (int First, int Last) Decades(double smallest, double largest)
    {
        var first = (int)Math.Floor(Math.Log10(smallest));
        var last = (int)Math.Ceiling(Math.Log10(largest));
        return (first, last > first ? last : first + 1);
    }

    /// <summary>
    /// A labelled tick at each power of ten from 10^<paramref name="first"/> to 10^<paramref name="last"/>
    /// (every second or third one when there are many), minor ticks at 2..9 times each.
    /// </summary>
    public static NumericManual Ticks(int first, int last)
    {
        var step = new[] { 1, 2, 3, 5 }.First(s => ((last - first) / s) + 1 <= MaxLabels || s == 5);
        var ticks = new NumericManual();
        for (var power = first; power <= last; power++)
        {
            if (power % step == 0)
            {
                ticks.AddMajor(power, Label(power));
            }
            else
            {
                ticks.AddMinor(power);
            }

            for (var multiple = 2; multiple <= 9 && power < last; multiple++)
            {
                ticks.AddMinor(power + Math.Log10(multiple));
            }
        }

        return ticks;
    }

    /// <summary>10^<paramref name="power"/> written out in plain decimals (0.01, 1, 1000), as a reader of MB/s expects.</summary>
    public static string Label(int power) =>
        Math.Pow(10, power).ToString(power < 0 ? "0." + new string('#', -power) : "0", CultureInfo.InvariantCulture);
}
