using System.Text;

namespace VirtCluster.Report;

/// <summary>
/// Lays the report's tables out as plain text for the terminal, so that <c>report</c> shows the numbers
/// (the paper's Table 2 and 3, efficiencies) without a browser; charts and fingerprints stay in the files.
/// </summary>
public static class TextReportWriter
{
    private const string Gap = "  ";

    public static string Write(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = new StringBuilder();
        foreach (var note in model.FingerprintNotes.Where(n => !n.Matching))
        {
            text.Append("warning: ").Append(note.Text).Append("\n\n");
        }

        foreach (var section in model.Latency)
        {
            Table(text, "One-way latency by placement: " + section.Title, ReportTables.Latency(section));
            if (ReportTables.LatencyVersusBaseline(section, model.Environments) is { } relative)
            {
                Table(text, "One-way latency relative to the baseline: " + section.Title, relative);
            }
        }

        foreach (var section in model.Throughput)
        {
            Table(text, "Peak throughput: " + section.Title, ReportTables.PeakThroughput(section));
        }

        foreach (var section in model.Overhead)
        {
            Table(text, "Single-node time and overhead: " + ReportText.OverheadTitle(section.Source), ReportTables.Overhead(section, model.Environments));
        }

        foreach (var section in model.Efficiency)
        {
            Table(text, "Parallel efficiency: " + section.Benchmark, ReportTables.Efficiency(section));
        }

        if (model.PublishedEfficiency.Count > 0)
        {
            Table(text, ReportText.PublishedEfficiencyTitle, ReportTables.PublishedEfficiency(model));
        }

        if (model.FailedRuns.Count > 0)
        {
            Table(text, "Failed runs", ReportTables.FailedRuns(model));
        }

        return text.ToString();
    }

    /// <summary>
    /// A title, the table in columns as wide as their widest cell (the first and text columns aligned left,
    /// numbers right, so that decimal points line up), and the caption. Line breaks in cells are flattened
    /// so that a name from a results file cannot break the layout.
    /// </summary>
    private static void Table(StringBuilder text, string title, ReportTable table)
    {
        var lines = new[] { table.Headers }.Concat(table.Rows)
            .Select(cells => cells.Select(c => c.ReplaceLineEndings(" ")).ToList())
            .ToList();
        var widths = table.Headers.Select((_, i) => lines.Max(cells => cells[i].Length)).ToList();
        text.Append(title.ReplaceLineEndings(" ")).Append('\n');
        foreach (var cells in lines)
        {
            var padded = cells.Select((cell, i) => table.IsTextColumn(i) ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]));
            text.Append(Gap).Append(string.Join(Gap, padded).TrimEnd()).Append('\n');
        }

        if (table.Caption is { } caption)
        {
            text.Append(Gap).Append(caption.ReplaceLineEndings(" ")).Append('\n');
        }

        text.Append('\n');
    }
}
