using System.Text;
using VirtCluster.Report.Charts;

namespace VirtCluster.Report;

/// <summary>
/// Lays the report out as Markdown for pull requests and CI summaries; charts are linked as the PNG files
/// beside it. Cells are escaped so that a name with <c>|</c> or markup cannot break a table or inject HTML.
/// </summary>
public static class MarkdownReportWriter
{
    public static string Write(ReportModel model, IReadOnlyDictionary<string, ChartImage> charts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(charts);
        var md = new StringBuilder();
        md.Append("# Benchmark report\n\nResults: ")
            .Append(string.Join("; ", model.Sources.Select(s => $"run **{M(s.RunId)}** of suite {M(s.Suite)}, {M(s.Created.ToString("u"))}, compared against **{M(s.Baseline)}**")))
            .Append(".\n\n");
        foreach (var note in model.FingerprintNotes)
        {
            md.Append("> ").Append(note.Matching ? "" : "**Fingerprints differ.** ").Append(M(note.Text)).Append("\n\n");
        }

        Section(md, "One-way latency by placement", model.Latency.Count == 0, "No latency samples in these results.");
        foreach (var section in model.Latency)
        {
            md.Append("### ").Append(M(section.Title)).Append("\n\n");
            Table(md, ReportTables.Latency(section));
            if (ReportTables.LatencyVersusBaseline(section, model.Environments) is { } relative)
            {
                Table(md, relative);
            }
        }

        Section(md, "Throughput vs message size", model.Throughput.Count == 0, "No bandwidth samples in these results.");
        foreach (var section in model.Throughput)
        {
            md.Append("### ").Append(M(section.Title)).Append("\n\n");
            if (charts.TryGetValue(section.Slug, out var chart))
            {
                Figure(md, chart);
            }

            Table(md, ReportTables.PeakThroughput(section));
        }

        Section(md, "Single-node time and overhead", model.Overhead.Count == 0, ReportText.NoOverhead);
        foreach (var section in model.Overhead)
        {
            if (model.Overhead.Count > 1)
            {
                md.Append("### ").Append(M(ReportText.OverheadTitle(section.Source))).Append("\n\n");
            }

            Table(md, ReportTables.Overhead(section, model.Environments));
        }

        Section(md, "Parallel efficiency vs process count", model.Efficiency.Count == 0 && model.PublishedEfficiency.Count == 0, ReportText.NoEfficiency);
        foreach (var section in model.Efficiency)
        {
            Figure(md, charts[section.Slug]);
            Table(md, ReportTables.Efficiency(section));
        }

        if (model.PublishedEfficiency.Count > 0)
        {
            md.Append("### ").Append(M(ReportText.PublishedEfficiencyTitle)).Append("\n\n");
            Table(md, ReportTables.PublishedEfficiency(model));
        }

        Section(md, "Environment fingerprints", false, "");
        if (model.DifferingFingerprintFields.Count > 0 && model.Environments.Count > 1)
        {
            md.Append("> **Fingerprints differ** between the compared environments in: ")
                .Append(M(string.Join(", ", model.DifferingFingerprintFields))).Append(".\n\n");
        }

        Table(md, ReportTables.Fingerprints(model));

        Section(md, "Failed runs", model.FailedRuns.Count == 0, "None: every run produced numbers.");
        if (model.FailedRuns.Count > 0)
        {
            Table(md, ReportTables.FailedRuns(model));
        }

        return md.ToString();
    }

    /// <summary>
    /// Text safe in a Markdown paragraph or table cell: HTML special characters encoded (Markdown passes
    /// raw HTML through), Markdown punctuation backslash-escaped, line breaks flattened.
    /// </summary>
    public static string M(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '#' or '~' or '!' => escaped.Append('\\').Append(c),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static void Section(StringBuilder md, string title, bool empty, string whenEmpty)
    {
        md.Append("## ").Append(M(title)).Append("\n\n");
        if (empty)
        {
            md.Append('*').Append(M(whenEmpty)).Append("*\n\n");
        }
    }

    private static void Figure(StringBuilder md, ChartImage chart) =>
        md.Append("![").Append(M(chart.Title)).Append("](").Append(ReportBuilder.ChartPath(chart.Slug, "png"))
            .Append(")\n\n(SVG: ").Append(ReportBuilder.ChartPath(chart.Slug, "svg")).Append(")\n\n");

    private static void Table(StringBuilder md, ReportTable table)
    {
        md.Append("| ").Append(string.Join(" | ", table.Headers.Select(M))).Append(" |\n|")
            .Append(string.Join("|", table.Headers.Select((_, i) => table.IsTextColumn(i) ? " --- " : " ---: "))).Append("|\n");
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var cells = table.Rows[i].Select(M).ToList();
            if (table.Highlighted.Contains(i))
            {
                cells[0] = "**" + cells[0] + "** (differs)";
            }

            md.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
        }

        md.Append('\n');
        if (table.Caption is { } caption)
        {
            md.Append('*').Append(M(caption)).Append("*\n\n");
        }
    }
}
