using System.Text;
using VirtCluster.Report.Charts;

namespace VirtCluster.Report;

/// <summary>
/// Lays the report out as one self-contained HTML page: inline CSS and charts embedded as PNG data URIs,
/// so the file can be mailed or archived alone. Every text that comes from results files is HTML-encoded.
/// </summary>
public static class HtmlReportWriter
{
    private const string Style = """
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 16px; line-height: 1.45;
               color: #1d1d1f; max-width: 1100px; margin: 2em auto; padding: 0 1.5em; }
        h1 { font-size: 1.9em; margin-bottom: 0.2em; }
        h2 { font-size: 1.45em; margin-top: 2em; border-bottom: 2px solid #d0d7de; padding-bottom: 0.2em; }
        h3 { font-size: 1.15em; margin-top: 1.4em; }
        table { border-collapse: collapse; margin: 0.6em 0; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid #d0d7de; padding: 0.35em 0.7em; text-align: right; vertical-align: top; }
        th { background: #f3f5f7; }
        th:first-child, td:first-child, table.text th, table.text td, th.label, td.label { text-align: left; }
        tr.differs td { background: #fff4d6; }
        .caption { color: #57606a; font-size: 0.9em; margin-top: 0.2em; }
        .note { border-left: 5px solid #d4a72c; background: #fff8e5; padding: 0.6em 1em; margin: 0.8em 0; }
        .note.same { border-left-color: #2da44e; background: #eefbf1; }
        figure { margin: 1em 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #d0d7de; }
        figcaption { color: #57606a; font-size: 0.9em; }
        .empty { color: #57606a; font-style: italic; }
        nav ul { padding-left: 1.2em; }
        """;

    public static string Write(ReportModel model, IReadOnlyDictionary<string, ChartImage> charts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(charts);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Benchmark report</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>Benchmark report</h1>\n<p>Results: ")
            .Append(string.Join("; ", model.Sources.Select(s => $"run <b>{E(s.RunId)}</b> of suite {E(s.Suite)}, {E(s.Created.ToString("u"))}, compared against <b>{E(s.Baseline)}</b>")))
            .Append(".</p>\n");
        foreach (var note in model.FingerprintNotes)
        {
            html.Append(note.Matching ? "<p class=\"note same\">" : "<p class=\"note\"><b>Fingerprints differ.</b> ").Append(E(note.Text)).Append("</p>\n");
        }

        html.Append("""
            <nav><ul>
            <li><a href="#latency">One-way latency</a></li>
            <li><a href="#throughput">Throughput</a></li>
            <li><a href="#overhead">Single-node time and overhead</a></li>
            <li><a href="#efficiency">Parallel efficiency</a></li>
            <li><a href="#fingerprints">Environment fingerprints</a></li>
            <li><a href="#failed">Failed runs</a></li>
            </ul></nav>

            """);

        Section(html, "latency", "One-way latency by placement", model.Latency.Count == 0, "No latency samples in these results.");
        foreach (var section in model.Latency)
        {
            html.Append("<h3>").Append(E(section.Title)).Append("</h3>\n");
            Table(html, ReportTables.Latency(section));
            if (ReportTables.LatencyVersusBaseline(section, model.Environments) is { } relative)
            {
                Table(html, relative);
            }
        }

        Section(html, "throughput", "Throughput vs message size", model.Throughput.Count == 0, "No bandwidth samples in these results.");
        foreach (var section in model.Throughput)
        {
            html.Append("<h3>").Append(E(section.Title)).Append("</h3>\n");
            if (charts.TryGetValue(section.Slug, out var chart))
            {
                Figure(html, chart);
            }

            Table(html, ReportTables.PeakThroughput(section));
        }

        Section(html, "overhead", "Single-node time and overhead", model.Overhead.Count == 0, ReportText.NoOverhead);
        foreach (var section in model.Overhead)
        {
            if (model.Overhead.Count > 1)
            {
                html.Append("<h3>").Append(E(ReportText.OverheadTitle(section.Source))).Append("</h3>\n");
            }

            Table(html, ReportTables.Overhead(section, model.Environments));
        }

        Section(html, "efficiency", "Parallel efficiency vs process count", model.Efficiency.Count == 0 && model.PublishedEfficiency.Count == 0, ReportText.NoEfficiency);
        foreach (var section in model.Efficiency)
        {
            Figure(html, charts[section.Slug]);
            Table(html, ReportTables.Efficiency(section));
        }

        if (model.PublishedEfficiency.Count > 0)
        {
            html.Append("<h3>").Append(E(ReportText.PublishedEfficiencyTitle)).Append("</h3>\n");
            Table(html, ReportTables.PublishedEfficiency(model));
        }

        Section(html, "fingerprints", "Environment fingerprints", false, "");
        if (model.DifferingFingerprintFields.Count > 0 && model.Environments.Count > 1)
        {
            html.Append("<p class=\"note\"><b>Fingerprints differ</b> between the compared environments in: ")
                .Append(E(string.Join(", ", model.DifferingFingerprintFields)))
                .Append(". Differences other than the ones being compared may explain part of a gap.</p>\n");
        }

        Table(html, ReportTables.Fingerprints(model));

        Section(html, "failed", "Failed runs", model.FailedRuns.Count == 0, "None: every run produced numbers.");
        if (model.FailedRuns.Count > 0)
        {
            Table(html, ReportTables.FailedRuns(model));
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// Encodes the five characters that are markup in HTML text and attributes; everything else stays as
    /// written (the page is UTF-8), so that the file reads well as source too.
    /// </summary>
    public static string E(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => encoded.Append("&amp;"),
                '<' => encoded.Append("&lt;"),
                '>' => encoded.Append("&gt;"),
                '"' => encoded.Append("&quot;"),
                '\'' => encoded.Append("&#39;"),
                _ => encoded.Append(c),
            };
        }

        return encoded.ToString();
    }

    private static void Section(StringBuilder html, string id, string title, bool empty, string whenEmpty)
    {
        html.Append("<h2 id=\"").Append(id).Append("\">").Append(E(title)).Append("</h2>\n");
        if (empty)
        {
            html.Append("<p class=\"empty\">").Append(E(whenEmpty)).Append("</p>\n");
        }
    }

    private static void Figure(StringBuilder html, ChartImage chart)
    {
        html.Append("<figure><img src=\"data:image/png;base64,").Append(Convert.ToBase64String(chart.Png))
            .Append("\" alt=\"").Append(E(chart.Title)).Append("\" width=\"").Append(ChartStyle.Width)
            .Append("\" height=\"").Append(ChartStyle.Height).Append("\">")
            .Append("<figcaption>").Append(E(chart.Title)).Append(" — also as ")
            .Append(Link(ReportBuilder.ChartPath(chart.Slug, "png"))).Append(" and ")
            .Append(Link(ReportBuilder.ChartPath(chart.Slug, "svg"))).Append("</figcaption></figure>\n");
    }

    private static string Link(string path) => $"<a href=\"{E(path)}\">{E(path)}</a>";

    private static void Table(StringBuilder html, ReportTable table)
    {
        html.Append(table.TextCells ? "<table class=\"text\">\n<tr>" : "<table>\n<tr>");
        // The first column and text tables are aligned by the style sheet; further label columns by a class.
        string Open(string tag, int column) =>
            column > 0 && column < table.LabelColumns && !table.TextCells ? $"<{tag} class=\"label\">" : $"<{tag}>";
        for (var column = 0; column < table.Headers.Count; column++)
        {
            html.Append(Open("th", column)).Append(E(table.Headers[column])).Append("</th>");
        }

        html.Append("</tr>\n");
        for (var i = 0; i < table.Rows.Count; i++)
        {
            html.Append(table.Highlighted.Contains(i) ? "<tr class=\"differs\">" : "<tr>");
            for (var column = 0; column < table.Rows[i].Count; column++)
            {
                html.Append(Open("td", column)).Append(E(table.Rows[i][column])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
        if (table.Caption is { } caption)
        {
            html.Append("<p class=\"caption\">").Append(E(caption)).Append("</p>\n");
        }
    }
}
