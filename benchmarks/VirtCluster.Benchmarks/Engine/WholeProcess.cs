using System.Diagnostics;

namespace VirtCluster.Benchmarks.Engine;

/// <summary>
/// Runs this program's <c>cli</c> mode as a separate process, the way a user runs the tool: start-up, config
/// loading, program, state load, plan, and exit all count.
/// </summary>
public static class WholeProcess
{
    public static async Task<(double Median, double Min, double Max)> MeasureNoOpUpAsync(int hosts, int runs)
    {
        using var project = BenchProject.Create(hosts);
        await RunAsync(project.Directory, "up", "--yes");
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await RunAsync(project.Directory, "up", "--yes");
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return (Median.Of(times), times.Min(), times.Max());
    }

    private static async Task RunAsync(string directory, params string[] verb)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[typeof(WholeProcess).Assembly.Location, "cli", .. verb, "--stack", "bench", "--cwd", directory])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cli {string.Join(' ', verb)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
