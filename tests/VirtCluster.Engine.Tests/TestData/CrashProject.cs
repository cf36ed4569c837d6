using System.Diagnostics;
using System.Text.Json.Nodes;
using VirtCluster.Engine.Testing;
using VirtCluster.Testing;

namespace VirtCluster.Engine.Tests.TestData;

/// <summary>
/// A project for the benchmarks program's <c>cli</c> mode (a cluster-shaped graph whose in-memory "cloud"
/// persists in a JSON file), run as child processes so that a test can kill one with SIGKILL mid-run.
/// </summary>
internal sealed class CrashProject : IDisposable
{
    public const string Stack = "crash";

    private readonly TempDirectory _dir = new();

    /// <param name="hosts">Hosts in the stack's graph.</param>
    /// <param name="image">The base image (changing it replaces base images and overlays).</param>
    /// <param name="copyOf">Start from a copy of this project's cloud and state.</param>
    public CrashProject(int hosts, string image = "bookworm", CrashProject? copyOf = null)
    {
        if (copyOf is not null)
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(copyOf.Directory, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(Directory, Path.GetRelativePath(copyOf.Directory, file));
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        File.WriteAllText(_dir["Pulumi.yaml"], """
            name: bench
            runtime: dotnet
            config:
              bench:hosts:
                type: integer
              bench:image:
                type: string
              bench:cloudFile:
                type: string
            """);
        Configure(hosts, image);
    }

    public int Hosts { get; private set; }

    public string Image { get; private set; } = "";

    public string Directory => _dir.Path;

    public string CloudFile => _dir["cloud.json"];

    public string Backend => _dir[".virtcluster"];

    /// <summary>The benchmarks program, built beside this test assembly in the same configuration.</summary>
    public static string Program { get; } = Path.Combine(
        TestPaths.RepoRoot, "benchmarks", "VirtCluster.Benchmarks", "bin",
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "VirtCluster.Benchmarks.dll");

    public void Configure(int hosts, string image)
    {
        (Hosts, Image) = (hosts, image);
        File.WriteAllText(_dir["Pulumi." + Stack + ".yaml"], $"config:\n  bench:hosts: {hosts}\n  bench:image: {image}\n  bench:cloudFile: {CloudFile}\n");
    }

    /// <summary>Objects in the "cloud", as (URN, id).</summary>
    public IReadOnlyList<(string Urn, string Id)> CloudObjects() =>
        File.Exists(CloudFile)
            ? [.. JsonNode.Parse(File.ReadAllText(CloudFile))!["objects"]!.AsArray().Select(o => (o!["Urn"]!.GetValue<string>(), o["Id"]!.GetValue<string>()))]
            : [];

    /// <param name="crashAfterStep">Kill the process with SIGKILL after this many durable steps; null for none.</param>
    /// <param name="args">The CLI verb and options (stack and project are added).</param>
    public Task<(int Code, string Output)> RunAsync(int? crashAfterStep, params string[] args) =>
        RunWithHookAsync("VIRTCLUSTER_TEST_CRASH_AFTER_STEP", crashAfterStep, args);

    /// <summary>Runs the CLI and has it send itself SIGINT (a Ctrl-C) right after its k-th durable step.</summary>
    public Task<(int Code, string Output)> InterruptAsync(int interruptAfterStep, params string[] args) =>
        RunWithHookAsync("VIRTCLUSTER_TEST_INTERRUPT_AFTER_STEP", interruptAfterStep, args);

    /// <summary>Starts the CLI without waiting; the caller signals it and collects the outcome.</summary>
    public (Process Process, Task<(int Code, string Output)> Outcome) Start(params string[] args)
    {
        var process = StartProcess("VIRTCLUSTER_TEST_CRASH_AFTER_STEP", null, args);
        return (process, CollectAsync(process));
    }

    private Task<(int Code, string Output)> RunWithHookAsync(string variable, int? step, string[] args) =>
        CollectAsync(StartProcess(variable, step, args));

    private static async Task<(int Code, string Output)> CollectAsync(Process process)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
    }

    private Process StartProcess(string variable, int? step, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in (string[])[Program, "cli", .. args, "--stack", Stack, "--cwd", Directory])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[variable] = step?.ToString() ?? "";
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    public void Dispose() => _dir.Dispose();
}
