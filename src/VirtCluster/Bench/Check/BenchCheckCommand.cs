using VirtCluster.Bench.Results;

namespace VirtCluster.Bench.Check;

/// <summary>
/// <c>virtcluster bench check --baseline RESULTS.json [--current RESULTS.json] [--tolerance METRIC=PCT ...]</c>:
/// the CI gate. Prints the comparison table and tells the pipeline by its exit code whether to stop.
/// </summary>
public static class BenchCheckCommand
{
    /// <summary>Every metric is within tolerance or better.</summary>
    public const int Passed = 0;

    /// <summary>A metric regressed beyond its tolerance or is missing.</summary>
    public const int Regressed = 1;

    /// <summary>The input could not be used (unreadable file, bad tolerance, unknown metric direction).</summary>
    public const int BadInput = 2;

    /// <param name="baselinePath">The stored baseline results file.</param>
    /// <param name="currentPath">The results to judge; the caller passes the stack's latest when <c>--current</c> is absent, null when there is none.</param>
    /// <param name="tolerances">The <c>--tolerance</c> arguments as given.</param>
    /// <param name="stdout">Receives the table and the summary.</param>
    /// <param name="stderr">Receives the reason for exit code <see cref="BadInput"/>.</param>
    public static int Run(string baselinePath, string? currentPath, IReadOnlyList<string> tolerances, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(baselinePath);
        ArgumentNullException.ThrowIfNull(tolerances);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (currentPath is null)
        {
            stderr.WriteLine("error: no current results to check: run 'virtcluster bench --stack STACK' first, or pass --current RESULTS.json");
            return BadInput;
        }

        try
        {
            var parsedTolerances = CheckTolerances.Parse(tolerances);
            var baseline = ResultsJson.Read(baselinePath);
            var current = ResultsJson.Read(currentPath);
            stdout.WriteLine($"baseline: {baselinePath} (run {baseline.RunId}, {baseline.Created:u})");
            stdout.WriteLine($"current:  {currentPath} (run {current.RunId}, {current.Created:u})");
            var report = BenchCheck.Compare(baseline, current, parsedTolerances);
            CheckTableWriter.Write(report, stdout);
            return report.Passed ? Passed : Regressed;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            stderr.WriteLine("error: " + e.Message);
            return BadInput;
        }
    }
}
