using VirtCluster.Bench.Results;
using VirtCluster.Report.Charts;

namespace VirtCluster.Report;

/// <summary>
/// Turns one or more results files (bare metal, KVM, Xen, a cloud, TCG, or numbers written by hand from a
/// paper) into the report: <c>report.html</c>, <c>report.md</c> and <c>charts/*.png|svg</c> in one directory.
/// </summary>
public sealed class ReportBuilder
{
    public const string HtmlFileName = "report.html";
    public const string MarkdownFileName = "report.md";
    public const string ChartsDirectoryName = "charts";

    /// <exception cref="ArgumentException">No results files were given.</exception>
    public ReportBuilder(IReadOnlyList<ResultsFile> results)
    {
        Model = ReportModelBuilder.Build(results);
    }

    /// <summary>What the report shows, for callers that want the numbers rather than the files.</summary>
    public ReportModel Model { get; }

    /// <summary>Path of a chart file relative to the report, the same in the HTML, the Markdown and on disk.</summary>
    public static string ChartPath(string slug, string extension) => $"{ChartsDirectoryName}/{slug}.{extension}";

    /// <summary>
    /// Renders everything in memory first, then writes the files, so that a rendering error leaves no
    /// half-written report behind. Existing report files in the directory are replaced.
    /// </summary>
    /// <exception cref="IOException">The directory or a file cannot be written.</exception>
    public ReportFiles Write(string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        var charts = Model.Throughput.Where(s => s.HasCurve).Select(ChartRenderer.Throughput)
            .Concat(Model.Efficiency.Select(ChartRenderer.Efficiency))
            .ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var html = HtmlReportWriter.Write(Model, charts);
        var markdown = MarkdownReportWriter.Write(Model, charts);

        Directory.CreateDirectory(Path.Combine(outputDirectory, ChartsDirectoryName));
        var chartPaths = new List<string>();
        foreach (var chart in charts.Values)
        {
            var png = Path.GetFullPath(Path.Combine(outputDirectory, ChartPath(chart.Slug, "png")));
            var svg = Path.GetFullPath(Path.Combine(outputDirectory, ChartPath(chart.Slug, "svg")));
            File.WriteAllBytes(png, chart.Png);
            File.WriteAllText(svg, chart.Svg);
            chartPaths.Add(png);
            chartPaths.Add(svg);
        }

        var htmlPath = Path.GetFullPath(Path.Combine(outputDirectory, HtmlFileName));
        var markdownPath = Path.GetFullPath(Path.Combine(outputDirectory, MarkdownFileName));
        File.WriteAllText(htmlPath, html);
        File.WriteAllText(markdownPath, markdown);
        return new ReportFiles(htmlPath, markdownPath, chartPaths);
    }
}
