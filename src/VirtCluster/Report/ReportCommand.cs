using VirtCluster.Bench.Results;

namespace VirtCluster.Report;

/// <summary>
/// <c>virtcluster report --stack S [--compare RESULTS.json ...] --out DIR</c>: the stack's latest results,
/// compared with any other results files (other environments, earlier runs, published numbers).
/// </summary>
public static class ReportCommand
{
    public const int Success = 0;

    /// <summary>Folder of the report directory that keeps the results files it was made from.</summary>
    public const string ResultsDirectoryName = "results";

    /// <summary>No results, an unreadable results file or an unwritable output directory; the reason goes to stderr.</summary>
    public const int Failure = 2;

    /// <param name="stackResultsPath">The stack's latest results file, found by the caller; null when the stack has none yet.</param>
    /// <param name="compare">Further results files, shown after the stack's in the order given.</param>
    /// <param name="outDir">Directory to write the report into; created when absent.</param>
    /// <param name="stdout">Receives the paths written.</param>
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
            stderr.WriteLine("error: no results to report: the stack has no benchmark results yet (run 'virtcluster bench --stack STACK'), and no --compare file was given");
            return Failure;
        }

        try
        {
            var files = paths.Select(ResultsJson.Read).ToList();
            var written = new ReportBuilder(files).Write(outDir);
            var copies = CopyInputs(paths, outDir);
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
