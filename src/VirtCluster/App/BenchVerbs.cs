using System.CommandLine;
using System.CommandLine.Parsing;
using VirtCluster.Bench.Check;
using VirtCluster.Bench.Cli;
using VirtCluster.Engine.Config;
using VirtCluster.Components;
using VirtCluster.Report;

namespace VirtCluster.App;

/// <summary>
/// <c>bench</c> (run the stack's benchmark stage again), <c>bench parse</c>, <c>bench check</c> (the regression
/// gate) and <c>report</c>.
/// </summary>
internal static class BenchVerbs
{
    public static Command Bench(Func<string[], Task<int>> runEngine)
    {
        var bench = new Command("bench", "Run the stack's benchmark stage again; subcommands parse raw outputs and check results against a baseline");
        bench.Subcommands.Add(BenchCommands.CreateParseCommand());
        bench.Subcommands.Add(Check());
        bench.SetAction(async (parse, ct) => await VerbGuard.RunAsync(parse, async () =>
        {
            var stack = StackLocator.From(parse);
            if (!stack.Spec.Bench.Enabled || !stack.Spec.RunsGuests)
            {
                throw new ConfigException(stack.Spec.RunsGuests
                    ? $"stack '{stack.Stack}' has no benchmark stage: set virtcluster:bench.enabled: true"
                    : $"stack '{stack.Stack}' has no benchmark stage: its hosts are simulated by libvirt's test driver (simulate:), which runs no guest");
            }

            // The stage's run is replaced: the suite runs again, and nothing else changes.
            var run = BenchmarkStage.RunUrn(stack.Stack, stack.Project.Name, "bench").Value;
            return await runEngine(["up", "--yes", "--target", run, "--replace", run, "--stack", stack.Stack,
                "--cwd", stack.Project.Directory, "--backend", stack.Backend, .. ConsoleOptions(parse)]);
        }));
        return bench;
    }

    /// <summary>
    /// The options of <c>bench</c> that <c>up</c> must see too: bench is up on the stage, so <c>bench -v</c> shows
    /// exactly what <c>up -v</c> does, and a stale lock is cleared the same way.
    /// </summary>
    private static IEnumerable<string> ConsoleOptions(ParseResult parse)
    {
        var verbosity = parse.GetResult("--verbose") is OptionResult verbose ? verbose.IdentifierTokenCount : 0;
        return Enumerable.Repeat("-v", verbosity).Concat(parse.GetValue<bool>("--force-unlock") ? ["--force-unlock"] : []);
    }

    public static Command Report()
    {
        var results = new Option<string[]>("--results", "--compare")
        {
            Description = "Results files to report, in the order given (repeatable): archived runs, other clusters, published numbers such as "
                + "schemas/examples/paper-agc2011.results.json. Each is compared against its own bare metal. --compare is the same option under its former name",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "FILE",
        };
        var output = new Option<string>("--out") { Description = "Folder for report.html, report.md and the charts", Required = true, HelpName = "DIR" };
        var command = new Command(
            "report",
            "Write a benchmark report (HTML, Markdown, PNG and SVG charts) and print its tables: from --results files alone, or from the stack's "
            + "latest results (--stack; VIRTCLUSTER_STACK only when no --results is given) followed by any --results files")
        {
            results, output,
        };
        command.SetAction(async (parse, ct) => await VerbGuard.RunAsync(parse, () =>
        {
            var files = parse.GetValue(results) ?? [];
            var error = parse.InvocationConfiguration.Error;
            string? stackResults = null;
            if (StackSelected(parse, files))
            {
                var stack = StackLocator.From(parse);
                stackResults = stack.LatestResultsFile();
                if (stackResults is null && files.Length > 0)
                {
                    error.WriteLine($"warning: stack '{stack.Stack}' has no benchmark results yet; reporting the --results files only");
                }
            }

            return Task.FromResult(ReportCommand.Run(stackResults, files, parse.GetValue(output)!, parse.InvocationConfiguration.Output, error));
        }));
        return command;
    }

    /// <summary>
    /// Whether the stack's results belong in the report: always with --stack; with VIRTCLUSTER_STACK only when
    /// no results files were named, so that a report of archived or published files is not silently mixed with
    /// whatever stack the shell happens to have selected.
    /// </summary>
    private static bool StackSelected(ParseResult parse, string[] files) =>
        parse.GetValue<string?>("--stack") is not null
        || (files.Length == 0 && Environment.GetEnvironmentVariable("VIRTCLUSTER_STACK") is { Length: > 0 });

    private static Command Check()
    {
        var baseline = new Option<string>("--baseline") { Description = "Results file to compare against", Required = true };
        var current = new Option<string?>("--current") { Description = "Results file to check (default: the stack's last run)" };
        var tolerance = new Option<string[]>("--tolerance") { Description = "METRIC=PCT (or *=PCT for the default, 5 %)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("check", "Exit 1 when any metric moved beyond its tolerance in the bad direction or is missing") { baseline, current, tolerance };
        command.SetAction(async (parse, ct) => await VerbGuard.RunAsync(parse, () =>
        {
            var now = parse.GetValue(current) ?? StackLocator.From(parse).LatestResultsFile();
            return Task.FromResult(BenchCheckCommand.Run(parse.GetValue(baseline)!, now, parse.GetValue(tolerance) ?? [],
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        }));
        return command;
    }
}
