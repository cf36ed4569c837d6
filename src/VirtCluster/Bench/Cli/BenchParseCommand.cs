using System.Globalization;
using System.Text.Json;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;
using VirtCluster.Bench.Results;

namespace VirtCluster.Bench.Cli;

/// <summary>
/// <c>virtcluster bench parse FILE --format F [--json]</c>: shows what the benchmark stage would extract
/// from a raw output, so a user can check a parser against their own program's output before a run.
/// </summary>
public static class BenchParseCommand
{
    /// <summary>Exit code when the samples were printed.</summary>
    public const int Success = 0;

    /// <summary>Exit code for an unusable file or format; the reason goes to stderr.</summary>
    public const int Failure = 2;

    public static int Run(string file, string format, bool json, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!BenchmarkParsers.TryGet(format, out var parser))
        {
            stderr.WriteLine($"error: unknown format '{format}'; use one of: {string.Join(", ", BenchmarkParsers.Formats)}");
            return Failure;
        }

        ParseResult result;
        try
        {
            using var reader = new StreamReader(file);
            result = parser.Parse(reader, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot read '{file}': {e.Message}");
            return Failure;
        }
        catch (BenchmarkParseException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return Failure;
        }

        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(result, ResultsJson.Options));
        }
        else
        {
            WriteTable(result, stdout);
        }

        foreach (var run in result.Runs.Where(r => r.Status == RunStatus.Failed))
        {
            stderr.WriteLine($"warning: {file}:{run.Line}: {run.Name}: {run.Reason}");
        }

        return Success;
    }

    private static void WriteTable(ParseResult result, TextWriter stdout)
    {
        var rows = result.Samples.Select(s => new[]
        {
            s.Meta.Benchmark,
            s.Metric,
            s.Meta.MessageSizeBytes?.ToString(CultureInfo.InvariantCulture) ?? "",
            s.Meta.Ranks?.ToString(CultureInfo.InvariantCulture) ?? "",
            s.Meta.Threads?.ToString(CultureInfo.InvariantCulture) ?? "",
            s.Value.ToString("G6", CultureInfo.InvariantCulture),
            s.Unit,
        }).ToList();
        string[] header = ["BENCHMARK", "METRIC", "BYTES", "RANKS", "THREADS", "VALUE", "UNIT"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        stdout.WriteLine(Format(header, widths));
        foreach (var row in rows)
        {
            stdout.WriteLine(Format(row, widths));
        }

        stdout.WriteLine($"{result.Samples.Count} samples, {result.Runs.Count(r => r.Status == RunStatus.Ok)} of {result.Runs.Count} runs ok");
    }

    private static string Format(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i is 2 or 3 or 4 or 5 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
}
