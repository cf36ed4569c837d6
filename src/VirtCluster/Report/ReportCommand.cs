using System.Globalization;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;

namespace VirtCluster.Report;

/// <summary>
/// <c>virtcluster report [--stack S] [--results RESULTS.json ...] --out DIR</c>: results files (archived runs,
/// other clusters, published numbers), after the stack's latest results when a stack is given. Writes the
/// report and prints its tables, so that published numbers can be checked without a stack or a browser.
/// </summary>
public static class ReportCommand
{
    public const int Success = 0;

    /// <summary>Folder of the report directory that keeps the results files it was made from.</summary>
    public const string ResultsDirectoryName = "results";

    /// <summary>No results, an unreadable results file or an unwritable output directory; the reason goes to stderr.</summary>
    public const int Failure = 2;

    /// <param name="stackResultsPath">The stack's latest results file, found by the caller; null when the stack has none yet.</param>
    /// <param name="compare">Results files, shown after the stack's (if any) in the order given.</param>
    /// <param name="outDir">Directory to write the report into; created when absent.</param>
    /// <param name="stdout">Receives the report's tables as text, then the paths written.</param>
    /// <param name="stderr">Receives the reason for <see cref="Failure"/>.</param>
    public static int Run(string? stackResultsPath, IReadOnlyList<string> compare, string outDir, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(compare);
        ArgumentNullException.ThrowIfNull(outDir);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var paths = (stackResultsPath is null ? compare : compare.Prepend(stackResultsPath)).ToList();
        if (paths.Count == 0)
        {
            stderr.WriteLine("error: no results to report: give --results FILE (e.g. schemas/examples/paper-agc2011.results.json), or --stack STACK once 'virtcluster bench --stack STACK' has run");
            return Failure;
        }

        try
        {
            var files = paths.Select(path => Reportable(ResultsJson.Read(path), path)).ToList();
            var report = new ReportBuilder(files);
            var written = report.Write(outDir);
            var copies = CopyInputs(paths, outDir);
            stdout.Write(TextReportWriter.Write(report.Model));
            stdout.WriteLine($"report: {written.Html}");
            stdout.WriteLine($"markdown: {written.Markdown}");
            stdout.WriteLine($"charts: {written.Charts.Count} files in {Path.Combine(Path.GetFullPath(outDir), ReportBuilder.ChartsDirectoryName)}");
            stdout.WriteLine($"results: {copies.Count} files in {Path.Combine(Path.GetFullPath(outDir), ResultsDirectoryName)}");
            return Success;
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write the report to '{outDir}': {e.Message}");
            return Failure;
        }
    }

    /// <summary>
    /// Refuses a file with a wall time that is not positive: no run takes no time, so a parser or a hand
    /// written file went wrong, and overheads and efficiencies divide by times.
    /// </summary>
    private static ResultsFile Reportable(ResultsFile file, string path)
    {
        var zero = file.Runs
            .Where(r => r.Status == RunStatus.Ok)
            .SelectMany(r => r.Samples.Select(sample => (Run: r.Id, Sample: sample)))
            .FirstOrDefault(s => s.Sample.Metric == ReportModelBuilder.TimeMetric && s.Sample.Value <= 0);
        if (zero.Sample is { } sample)
        {
            throw new InvalidDataException(
                $"{path}: run '{zero.Run}' has a {sample.Metric} of {sample.Value.ToString(CultureInfo.InvariantCulture)} {sample.Unit}; a wall time must be positive");
        }

        return file;
    }

    /// <summary>
    /// Copies the results files, byte for byte, beside the report: the directory then holds everything
    /// needed to check or regenerate it, and a CI artifact of it is complete. Files of the same name are
    /// told apart by their position.
    /// </summary>
    private static List<string> CopyInputs(IReadOnlyList<string> paths, string outDir)
    {
        var directory = Path.Combine(outDir, ResultsDirectoryName);
        Directory.CreateDirectory(directory);
        var names = paths.Select(Path.GetFileName).ToList();
        var copies = paths.Select((path, i) => Path.Combine(
            directory,
            names.Count(n => n == names[i]) > 1 ? $"{i + 1}-{names[i]}" : names[i]!)).ToList();
        foreach (var (source, copy) in paths.Zip(copies))
        {
            File.Copy(source, copy, overwrite: true);
        }

        return copies;
    }
}
