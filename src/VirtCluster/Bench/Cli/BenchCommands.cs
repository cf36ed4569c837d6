using System.CommandLine;

namespace VirtCluster.Bench.Cli;

/// <summary>System.CommandLine wiring of the <c>bench</c> verbs, kept beside their implementation.</summary>
public static class BenchCommands
{
    /// <summary>The <c>parse</c> subcommand of <c>bench</c>; output goes to the given writers (the console by default).</summary>
    public static Command CreateParseCommand(TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Raw output of a benchmark program" };
        var format = new Option<string>("--format")
        {
            Description = "Output format: imb, npb, hpcc, netpipe or time",
            Required = true,
        };
        format.AcceptOnlyFromAmong([.. Parsers.BenchmarkParsers.Formats]);
        var json = new Option<bool>("--json") { Description = "Print the samples as JSON instead of a table" };

        var command = new Command("parse", "Print the samples the benchmark stage extracts from a raw output");
        command.Arguments.Add(file);
        command.Options.Add(format);
        command.Options.Add(json);
        command.SetAction(result => BenchParseCommand.Run(
            result.GetValue(file)!.FullName,
            result.GetValue(format)!,
            result.GetValue(json),
            stdout ?? Console.Out,
            stderr ?? Console.Error));
        return command;
    }
}
