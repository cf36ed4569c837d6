using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VirtCluster.Hosts;

/// <summary>All hosts' verdicts at once, so a user fixes every host in one round instead of one per attempt.</summary>
public sealed record PreflightReport(IReadOnlyList<PreflightCheck> Checks)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public bool HasFailures => Checks.Any(c => c.Verdict == Verdict.Fail);

    public IReadOnlyList<PreflightCheck> Failures => [.. Checks.Where(c => c.Verdict == Verdict.Fail)];

    /// <summary>A fixed-width table, one row per check, fixes on the row of the check they belong to.</summary>
    public string RenderTable()
    {
        string[] header = ["HOST", "CHECK", "VERDICT", "FOUND", "FIX"];
        var rows = Checks.Select(c => new[] { c.Host, c.Check, c.Verdict.ToString().ToUpperInvariant(), c.Found, c.Fix ?? "" }).ToList();
        var widths = Enumerable.Range(0, 4).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.AppendJoin("  ", row.Take(4).Select((cell, i) => cell.PadRight(widths[i]))).Append("  ").Append(row[4]);
            text.Append('\n');
        }

        var failed = Checks.Where(c => c.Verdict == Verdict.Fail).Select(c => c.Host).Distinct().ToList();
        text.Append(failed.Count == 0
            ? $"preflight passed: {Checks.Count} checks, {Checks.Count(c => c.Verdict == Verdict.Warn)} warnings\n"
            : $"preflight failed on {failed.Count} host(s): {string.Join(", ", failed)}\n");
        return text.ToString();
    }

    /// <summary>The report as JSON (<c>doctor --json</c>): checks with camelCase fields and the overall failure flag.</summary>
    public string ToJson() => JsonSerializer.Serialize(new { hasFailures = HasFailures, checks = Checks }, Json);
}
