using ScottPlot;
using VirtCluster.Bench.Check;
using VirtCluster.Bench.Metrics;
using VirtCluster.Bench.Model;

namespace VirtCluster.Report.Charts;

/// <summary>Draws the report's figures with ScottPlot: throughput against message size, efficiency against process count.</summary>
public static class ChartRenderer
{
    private const double BytesPerMegabyte = 1e6;

    /// <summary>
    /// Bandwidth against message size (the paper's Fig. 2), both on log scales: sizes double, and bandwidths
    /// of different environments and message sizes differ by decades, so that on a linear axis every curve
    /// but the fastest would be a flat line at zero. Points with no size or no bandwidth have no place on a
    /// log scale and are left out.
    /// </summary>
    public static ChartImage Throughput(ThroughputSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var title = $"Throughput vs message size ({section.Title})";
        var plot = ChartStyle.Create(title, "Message size (bytes, log scale)", "Throughput (MB/s, log scale)");
        var singlePlacement = section.Series.Select(s => s.Placement).Distinct().Count() == 1;
        var sizes = new List<long>();
        var rates = new List<double>();
        foreach (var series in section.Series)
        {
            var points = Plottable(series).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            sizes.AddRange(points.Select(p => p.MessageSizeBytes));
            rates.AddRange(points.Select(p => p.BytesPerSecond / BytesPerMegabyte));
            var line = plot.Add.Scatter(
                points.Select(p => Log2Axis.Position(p.MessageSizeBytes)).ToArray(),
                points.Select(p => Log10Axis.Position(p.BytesPerSecond / BytesPerMegabyte)).ToArray());
            line.LineWidth = 2;
            line.MarkerSize = 5;
            line.LegendText = singlePlacement || series.Placement == Placement.None
                ? series.Environment
                : $"{series.Environment}, {PlacementText.Of(series.Placement)}";
        }

        if (sizes.Count > 0)
        {
            plot.Axes.Bottom.TickGenerator = Log2Axis.ByteTicks(sizes.Min(), sizes.Max());
            var (first, last) = Log10Axis.Decades(rates.Min(), rates.Max());
            plot.Axes.Left.TickGenerator = Log10Axis.Ticks(first, last);
            plot.Axes.AutoScaleX();
            // A little room above and below, so that a curve on the top or bottom decade is not drawn on the frame.
            var margin = (last - first) * 0.03;
            plot.Axes.SetLimitsY(first - margin, last + margin);
        }

        return ChartStyle.Render(plot, section.Slug, title);
    }

    /// <summary>The points of a series that a log–log chart can show: a message size and a bandwidth above zero.</summary>
    public static IEnumerable<ThroughputPoint> Plottable(ThroughputSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.Points.Where(p => p.MessageSizeBytes > 0 && p.BytesPerSecond > 0);
    }

    /// <summary>
    /// Parallel efficiency against process count (the paper's Fig. 3 and 4), beside the ideal of linear scaling.
    /// </summary>
    public static ChartImage Efficiency(EfficiencySection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var title = $"Parallel efficiency of {section.Benchmark}";
        var plot = ChartStyle.Create(title, "MPI processes (log scale)", "Parallel efficiency (%)");
        var counts = section.Series.SelectMany(s => s.Points).Select(p => p.Processes).Distinct().Order().ToList();

        var ideal = plot.Add.ScatterLine(
            counts.Select(c => Log2Axis.Position(c)).ToArray(),
            counts.Select(_ => 100.0).ToArray(),
            Colors.Black);
        ideal.LinePattern = LinePattern.Dashed;
        ideal.LineWidth = 2;
        ideal.LegendText = "ideal (linear scaling)";

        foreach (var series in section.Series)
        {
            var line = plot.Add.Scatter(
                series.Points.Select(p => Log2Axis.Position(p.Processes)).ToArray(),
                series.Points.Select(p => p.Efficiency * 100).ToArray());
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = series.Environment;
        }

        plot.Axes.Bottom.TickGenerator = Log2Axis.CountTicks(counts);
        var highest = section.Series.SelectMany(s => s.Points).Max(p => p.Efficiency * 100);
        var margin = (Log2Axis.Position(counts[^1]) - Log2Axis.Position(counts[0])) * 0.05;
        plot.Axes.SetLimits(Log2Axis.Position(counts[0]) - margin, Log2Axis.Position(counts[^1]) + margin, 0, Math.Max(110, highest * 1.05));
        return ChartStyle.Render(plot, section.Slug, title);
    }
}
