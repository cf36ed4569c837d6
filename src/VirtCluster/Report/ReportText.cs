using System.Globalization;

namespace VirtCluster.Report;

/// <summary>Number formats of the report: invariant culture, the precision the paper prints.</summary>
internal static class ReportText
{
    /// <summary>Why the single-node section can be empty: overheads are only computed within one file.</summary>
    public const string NoOverhead = "No results file in these results has single-node times of its baseline and another environment.";

    public const string NoEfficiency = "No benchmark was run at two or more process counts in these results, and none states an efficiency.";

    public const string PublishedEfficiencyTitle = "Parallel efficiency as published";

    /// <summary>Heading of one file's single-node table when the report has several.</summary>
    public static string OverheadTitle(ReportSource source) => $"Run {source.RunId} (suite {source.Suite}), against {source.Baseline}";

    public static string Fixed(double value, int decimals = 2) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Ratio(double value) => "×" + Fixed(value);

    public static string SignedPercent(double value) =>
        value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %";

    public static string Percent(double fraction) => Fixed(fraction * 100, 1) + " %";

    /// <summary>A stated percentage with no more decimals than it was given with (88 %, 62.5 %): a published number gains no precision here.</summary>
    public static string PublishedPercent(double fraction) =>
        Math.Round(fraction * 100, 6).ToString("0.######", CultureInfo.InvariantCulture) + " %";

    public static string Megabytes(double bytesPerSecond) => Fixed(bytesPerSecond / 1e6, 1);

    /// <summary>A message size in the largest binary unit that keeps it whole, e.g. <c>4 MiB</c>, else in bytes.</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB"];
        var unit = 0;
        var value = bytes;
        while (unit < units.Length - 1 && value >= 1024 && value % 1024 == 0)
        {
            value /= 1024;
            unit++;
        }

        return value.ToString(CultureInfo.InvariantCulture) + " " + units[unit];
    }

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
