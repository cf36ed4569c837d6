using System.Text;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Mpi;
using VirtCluster.Bench.Parsers;
using VirtCluster.Bench.Results;
using VirtCluster.Bench.Suites;
using VirtCluster.Remote;

namespace VirtCluster.Bench.Runners;

/// <summary>
/// Carries out one run: writes its inputs (hostfile, hpccinf.txt) into its working directory, starts mpirun,
/// keeps stdout, stderr, the command line and the program's output file beside each other, and turns the
/// output into samples or a failure with its reason.
/// </summary>
internal sealed class SingleRun(RunContext run, string runId, string mpirun, IReadOnlyDictionary<string, string> binaryPaths, TimeSpan helperTimeout)
{
    public const string StdoutFile = "stdout.txt";
    public const string StderrFile = "stderr.txt";
    public const string CommandFile = "command.txt";
    public const string HostfileName = "hostfile";

    public const string RankfileName = "rankfile";

    /// <summary>How long mpirun itself ran, once it has; what the harness adds is the rest of the run's time.</summary>
    public TimeSpan? MpirunElapsed { get; private set; }

    private IBenchTarget Target => run.Target;

    private BenchmarkDefinition Benchmark => run.Benchmark;

    /// <summary>The file a program writes its results to in its working directory, which is parsed instead of stdout.</summary>
    public static string? OutputFileOf(string parser) => parser switch
    {
        "netpipe" => "np.out",
        "hpcc" => "hpccoutf.txt",
        _ => null,
    };

    public async Task<RunRecord> ExecuteAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(run.LocalFolder);
        var workingDirectory = Target.WorkingDirectoryFor(run.LocalFolder, run.Id);
        var remote = workingDirectory != run.LocalFolder;
        if (remote)
        {
            (await Target.RunAsync(["mkdir", "-p", workingDirectory], null, helperTimeout, cancellationToken).ConfigureAwait(false))
                .EnsureSuccess("create the run's working directory");
        }

        try
        {
            return await RunInAsync(workingDirectory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (remote)
            {
                await RemoveAsync(workingDirectory).ConfigureAwait(false);
            }
        }
    }

    private async Task<RunRecord> RunInAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        var layout = NodeLayout.For(run.Point.Placement, run.Point.Processes, run.Point.Threads, run.Facts.Cpus, Target.Nodes);
        await PutAsync(workingDirectory, HostfileName, layout.Hostfile, cancellationToken).ConfigureAwait(false);
        if (layout.Rankfile is { } rankfile)
        {
            await PutAsync(workingDirectory, RankfileName, rankfile, cancellationToken).ConfigureAwait(false);
        }

        if (Benchmark.Hpcc is { } sizes)
        {
            var grid = sizes.P is int p && sizes.Q is int q ? (p, q) : HpccInput.SquarestGrid(run.Point.Processes);
            await PutAsync(workingDirectory, HpccInput.FileName, HpccInput.Generate(sizes.N, sizes.NB, [grid]), cancellationToken).ConfigureAwait(false);
        }

        var argv = MpiCommandBuilder.Build(new MpiLaunch(
            Benchmark.RenderCommand(run.Point, binaryPaths),
            run.Point.Processes,
            run.Point.Threads,
            layout.Placement,
            Hostfile: workingDirectory + "/" + HostfileName,
            Rankfile: layout.Rankfile is null ? null : workingDirectory + "/" + RankfileName,
            Btl: Target.Btl,
            AsRoot: run.Facts.IsRoot,
            Environment: Benchmark.Environment,
            Mpirun: mpirun));
        await File.WriteAllTextAsync(Local(CommandFile), ShellQuote.Join(argv) + "\n", cancellationToken).ConfigureAwait(false);

        var result = await Target.RunAsync(argv, workingDirectory, Benchmark.Timeout, cancellationToken).ConfigureAwait(false);
        MpirunElapsed = result.Elapsed;
        await File.WriteAllTextAsync(Local(StdoutFile), result.Stdout, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Local(StderrFile), result.Stderr, cancellationToken).ConfigureAwait(false);
        var outputName = OutputFileOf(Benchmark.Parser);
        var output = outputName is null ? null : await FetchAsync(workingDirectory, outputName, cancellationToken).ConfigureAwait(false);
        var rawOutput = $"{run.Id}/{(output is null ? StdoutFile : outputName)}";

        if (result.TimedOut)
        {
            return Failed($"timed out after {result.Elapsed.TotalSeconds:F1} s (the suite allows {Benchmark.Timeout.TotalSeconds:F0} s); the run was killed", rawOutput);
        }

        if (!result.Succeeded)
        {
            return Failed($"mpirun ended with {TargetFacts.Ending(result)} (see {run.Id}/{StderrFile})", rawOutput);
        }

        return Parse(output ?? result.Stdout + result.Stderr, rawOutput, layout);
    }

    private RunRecord Parse(string text, string rawOutput, NodeLayout layout)
    {
        ParseResult parsed;
        try
        {
            using var reader = new StringReader(text);
            parsed = Benchmark.CreateParser().Parse(reader, rawOutput);
        }
        catch (BenchmarkParseException e)
        {
            return Failed("cannot read the output: " + e.Message, rawOutput);
        }

        if (parsed.Runs.Where(r => r.Status == RunStatus.Failed).Select(r => $"{r.Name}: {r.Reason}").ToList() is { Count: > 0 } failures)
        {
            return Failed("the benchmark reported failure: " + string.Join("; ", failures), rawOutput);
        }

        if (parsed.Samples.Count == 0)
        {
            return Failed($"the output holds no {Benchmark.Parser} measurements", rawOutput);
        }

        var samples = parsed.Samples.Select(s => s with { Meta = Describe(s.Meta, layout) }).ToList();
        return new RunRecord(run.Id, Benchmark.Name, Target.Name, RunStatus.Ok, samples, RawOutput: rawOutput);
    }

    /// <summary>Adds what only the runner knows to what the parser read; the output's own rank count wins.</summary>
    private SampleMeta Describe(SampleMeta meta, NodeLayout layout)
    {
        var parameters = new SortedDictionary<string, string>(meta.Parameters.ToDictionary(), StringComparer.Ordinal);
        if (layout.Note is { } note)
        {
            parameters["requestedPlacement"] = RunNames.Placement(run.Point.Placement);
            parameters["placementNote"] = note;
        }

        return meta with
        {
            Nodes = layout.Nodes,
            Ranks = meta.Ranks ?? run.Point.Processes,
            Threads = run.Point.Threads,
            Placement = layout.Placement,
            MessageSizeBytes = meta.MessageSizeBytes ?? run.Point.MessageSizeBytes,
            EnvironmentKind = Target.Kind,
            EnvironmentName = Target.Name,
            RunId = runId,
            Parameters = parameters,
        };
    }

    /// <summary>
    /// The raw outputs are copied by now, so the node keeps nothing of the run. Best effort: when the node has
    /// stopped answering, the run's own result or error is what must reach the caller, not this one.
    /// </summary>
    private async Task RemoveAsync(string workingDirectory)
    {
        try
        {
            await Target.RunAsync(["rm", "-rf", "--", workingDirectory], null, helperTimeout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or Renci.SshNet.Common.SshException)
        {
            // Left under the target's scratch folder; the next execution uses new folder names.
        }
    }

    private RunRecord Failed(string reason, string? rawOutput) =>
        new(run.Id, Benchmark.Name, Target.Name, RunStatus.Failed, [], reason, rawOutput);

    private string Local(string name) => Path.Combine(run.LocalFolder, name);

    /// <summary>Writes an input into the working directory and, when that is remote, a copy beside the raw outputs.</summary>
    private async Task PutAsync(string workingDirectory, string name, string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await Target.UploadAsync(workingDirectory + "/" + name, bytes, Modes.Readable, cancellationToken).ConfigureAwait(false);
        if (workingDirectory != run.LocalFolder)
        {
            await File.WriteAllBytesAsync(Local(name), bytes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The program's output file as text, copied next to stdout when it was written remotely; null when it was not written.</summary>
    private async Task<string?> FetchAsync(string workingDirectory, string name, CancellationToken cancellationToken)
    {
        var bytes = await Target.DownloadAsync(workingDirectory + "/" + name, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        if (workingDirectory != run.LocalFolder)
        {
            await File.WriteAllBytesAsync(Local(name), bytes, cancellationToken).ConfigureAwait(false);
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
