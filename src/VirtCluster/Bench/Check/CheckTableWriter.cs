using System.Globalization;

namespace VirtCluster.Bench.Check;

/// <summary>Prints a <see cref="CheckReport"/> as an aligned text table that reads the same in a terminal and a CI log.</summary>
public static class CheckTableWriter
{
    private static readonly string[] Header = ["ENVIRONMENT", "BENCHMARK", "METRIC", "POINT", "BASELINE", "NOW", "UNIT", "CHANGE", "TOL", "VERDICT"];

    /// <summary>Columns whose numbers align on the right.</summary>
    private static readonly HashSet<int> NumericColumns = [4, 5, 7, 8];

    public static void Write(CheckReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var rows = report.Rows.Select(Cells).ToList();
        var widths = Header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine(Format(Header, widths));
        foreach (var row in rows)
        {
            output.WriteLine(Format(row, widths));
        }

        foreach (var note in report.FingerprintNotes)
        {
            output.WriteLine("note: " + note + "; the change may come from that, not from the code");
        }

        foreach (var run in report.FailedRuns)
        {
            output.WriteLine($"failed run {run.Id} ({run.Environment}): {run.Reason}");
        }

        output.WriteLine(
            $"{report.Rows.Count} metrics: {report.Count(Verdict.Ok)} ok, {report.Count(Verdict.Improved)} improved, "
            + $"{report.Count(Verdict.Regressed)} regressed, {report.Count(Verdict.Missing)} missing, {report.Count(Verdict.New)} new");
        output.WriteLine(report.Passed ? "check passed" : "check FAILED");
    }

    /// <summary>The verdict as printed: failures in capitals so they stand out in a long log.</summary>
    public static string Label(Verdict verdict) => verdict switch
    {
        Verdict.Ok => "ok",
        Verdict.Improved => "improved",
        Verdict.Regressed => "REGRESSED",
        Verdict.Missing => "MISSING",
        Verdict.New => "new",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    private static string[] Cells(CheckRow row) =>
    [
        row.Key.Environment,
        row.Key.Benchmark,
        row.Key.Metric,
        row.Key.Point,
        Number(row.Baseline),
        Number(row.Current),
        row.Key.Unit,
        row.ChangePercent is { } change ? change.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %" : "",
        row.TolerancePercent.ToString("0.#", CultureInfo.InvariantCulture) + " %",
        Label(row.Verdict),
    ];

    private static string Number(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "-";

    private static string Format(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => NumericColumns.Contains(i) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
}
