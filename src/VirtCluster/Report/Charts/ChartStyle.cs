using ScottPlot;
using SkiaSharp;

namespace VirtCluster.Report.Charts;

/// <summary>
/// Sizes and fonts shared by every chart, chosen to stay readable when the page scales a chart down to a
/// laptop screen's width.
/// </summary>
internal static class ChartStyle
{
    public const int Width = 1000;
    public const int Height = 560;

    /// <summary>Sans-serif families tried in order; the renderer's default is used when none is installed.</summary>
    private static readonly string[] PreferredFonts = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica"];

    private static readonly string? FontName = PreferredFonts.FirstOrDefault(
        name => SKFontManager.Default.GetFontFamilies().Contains(name, StringComparer.OrdinalIgnoreCase));

    /// <summary>A plot with title, axis labels (with units), fonts and legend set the same way everywhere.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        if (FontName is not null)
        {
            plot.Font.Set(FontName);
        }

        plot.Title(title, 22);
        plot.XLabel(xLabel, 18);
        plot.YLabel(yLabel, 18);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        plot.Legend.FontSize = 15;

        // Below the data area: no curve is ever hidden behind it, and long environment names take
        // height rather than the width the axis labels need.
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    public static ChartImage Render(Plot plot, string slug, string title) =>
        new(slug, title, plot.GetImageBytes(Width, Height, ImageFormat.Png), plot.GetSvgXml(Width, Height));
}
