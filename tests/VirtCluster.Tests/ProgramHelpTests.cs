using System.Diagnostics;

namespace VirtCluster.Tests;

/// <summary>
/// The built program, started as a child process exactly as the launcher starts it: it runs, and its root help
/// lists the domain's verbs next to the engine's.
/// </summary>
public sealed class ProgramHelpTests
{
    [Fact]
    public void TheProgramStartsAndItsHelpListsEveryVerb()
    {
        var (exit, output) = RunProgram("--help");

        Assert.Equal(0, exit);
        Assert.Contains("Usage:\n  virtcluster [command] [options]\n", output, StringComparison.Ordinal);
        Assert.Contains(
            """
            Commands:
              preview                Show what up would change, without changing anything
              up                     Create or update the stack's resources to match the program
              destroy                Delete the stack's resources, dependents first; a second destroy does nothing
              refresh                Read the resources' actual state, report drift and record it
              stack                  Inspect the stack
              config                 Read and write the stack's configuration
              doctor                 Check every host of the stack (facts and preflight) without changing anything
              exec <NODE> <COMMAND>  Run a command on a node over SSH, through its host (arguments are quoted, never interpreted by a shell)
              bench                  Run the stack's benchmark stage again; subcommands parse raw outputs and check results against a baseline
              report                 Write a benchmark report (HTML, Markdown, PNG and SVG charts) and print its tables: from --results files alone, or from the stack's latest results (--stack; VIRTCLUSTER_STACK only when no --results is given) followed by any --results files
              image                  Build and cache VM images

            """.ReplaceLineEndings("\n"),
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownVerbIsAUsageError()
    {
        var (exit, output) = RunProgram("no-such-verb");

        Assert.Equal(2, exit);
        Assert.Contains("no-such-verb", output, StringComparison.Ordinal);
    }

    private static (int Exit, string Output) RunProgram(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VirtCluster.Infra.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the program did not exit within 60 s");
        return (process.ExitCode, stdout + stderr.Result);
    }
}
