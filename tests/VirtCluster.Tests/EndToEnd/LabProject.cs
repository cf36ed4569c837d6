using System.Diagnostics;
using VirtCluster.LabHost;
using VirtCluster.Testing;

namespace VirtCluster.Tests.EndToEnd;

/// <summary>
/// A throwaway copy of the project with a lab stack of its own (own namespace, bridge and state, the test run's
/// initially empty image cache), driven through the real program as a child process, exactly as a user runs it. Whatever happens, Dispose destroys the stack,
/// stops the lab and removes the folder.
/// </summary>
public sealed class LabProject : IDisposable
{
    /// <param name="stack">The stack's name (nodes are named STACK-local-K).</param>
    /// <param name="nodes">VMs in the lab.</param>
    /// <param name="extraConfig">More <c>config:</c> lines (two-space indented), e.g. the bench stage.</param>
    /// <param name="labConfig">More <c>virtcluster:lab:</c> keys (four-space indented), e.g. a boot timeout.</param>
    /// <param name="hosts">Simulated hosts (one node each; <paramref name="nodes"/> is then their number); null for one lab daemon.</param>
    public LabProject(string stack, int nodes, string extraConfig = "", string labConfig = "", int? hosts = null)
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        Stack = stack;
        Nodes = nodes;
        Namespace = "vce2e-" + id;
        Hosts = hosts;
        var shape = hosts is { } count ? $"hosts: {count}\n    nodesPerHost: 1" : $"nodes: {nodes}";
        Directory = System.IO.Directory.CreateTempSubdirectory("vc-e2e-").FullName;
        File.Copy(Path.Combine(TestPaths.RepoRoot, "Pulumi.yaml"), Path.Combine(Directory, "Pulumi.yaml"));
        File.WriteAllText(Path.Combine(Directory, $"Pulumi.{stack}.yaml"), $"""
            config:
              virtcluster:lab:
                {shape}
                namespace: {Namespace}
            {labConfig}
              virtcluster:vcpus: 1
              virtcluster:memory: 1GiB
              virtcluster:io: virtio
              virtcluster:hypervisor: auto
              virtcluster:pinning: strict
              virtcluster:image: {Path.Combine(TestPaths.RepoRoot, "images", "hpc-node.yaml")}
              virtcluster:network:
                name: vce2e
                subnet: 10.79.0.0/24
                bridge: vcbr-{id}
            {extraConfig}
            """);
    }

    /// <summary>A project whose stack file is <paramref name="stackFile"/> as given (e.g. real hosts the test started itself).</summary>
    public LabProject(string stack, string stackFile)
    {
        Stack = stack;
        Nodes = 0;
        Namespace = "vce2e-" + Guid.NewGuid().ToString("N")[..6];
        Directory = System.IO.Directory.CreateTempSubdirectory("vc-e2e-").FullName;
        File.Copy(Path.Combine(TestPaths.RepoRoot, "Pulumi.yaml"), Path.Combine(Directory, "Pulumi.yaml"));
        File.WriteAllText(Path.Combine(Directory, $"Pulumi.{stack}.yaml"), stackFile);
    }

    /// <summary>A suite of NetPIPE between two nodes to 64 KiB, once: the benchmark stage at its cheapest.</summary>
    public const string SmallNetpipeSuite = """
            name: e2e
            description: NetPIPE at small sizes
            binaries:
              netpipe: { config: virtcluster:netpipePath, default: /usr/bin/NPopenmpi, description: NPopenmpi }
            benchmarks:
              netpipe:
                description: NetPIPE to 64 KiB
                parser: netpipe
                command: ["{binary:netpipe}", "-u", "65536"]
                placements: [inter-node]
                sweep: { processes: [2], threads: [1] }
                repetitions: 1
                timeout: 10m
                requires: [netpipe]
                metrics: [latency, bandwidth]
            """;

    /// <summary>The image cache the runs are given (<c>XDG_CACHE_HOME</c>): the image is under <c>virtcluster/images</c>.</summary>
    public string ImageCache => EmptyImageCache.ForThisRun;

    /// <summary>The errors and warnings of the newest run's log (CLEF), to say why a run failed.</summary>
    public string LastLogProblems()
    {
        var logs = new DirectoryInfo(Path.Combine(Directory, ".virtcluster", "logs"));
        var newest = logs.Exists ? logs.GetFiles("*.clef").OrderBy(f => f.LastWriteTimeUtc).LastOrDefault() : null;
        return newest is null
            ? "(no log)"
            : string.Join('\n', File.ReadLines(newest.FullName).Where(l => l.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) || l.Contains("\"@l\":\"Warning\"", StringComparison.Ordinal) || l.Contains("\"@x\"", StringComparison.Ordinal)));
    }

    /// <summary>Encrypts the stack's secrets (<c>config set --secret</c>); every run is given it.</summary>
    public const string Passphrase = "lab-project-passphrase";

    /// <summary>The project folder (stack files, and the state under .virtcluster).</summary>
    public string Directory { get; }

    public string Stack { get; }

    public string Namespace { get; }

    public int Nodes { get; }

    /// <summary>How many simulated hosts the stack has; null when it runs one lab daemon.</summary>
    public int? Hosts { get; }

    /// <summary>The simulated hosts' layouts, as the tool derives them.</summary>
    public IReadOnlyList<SimulatedHostLayout> HostLayouts =>
        Hosts is null ? [] : new FleetLayout(Stack, StackFixtureSpec().Lab!, StackFixtureSpec().Network, Path.Combine(Directory, ".virtcluster")).Hosts;

    /// <summary>The fabric namespace of the simulated hosts.</summary>
    public string Fabric => $"{Namespace}-fabric";

    private VirtCluster.Config.ClusterSpec StackFixtureSpec() => Config.StackFixture.LoadSpec(Directory, Stack);

    public LabEnvironment Lab => new(Namespace, Path.Combine(Directory, ".virtcluster", "lab", Stack));

    /// <summary>The stack's journal: it exists while a run changes the stack and holds its pending operations.</summary>
    public string Journal => Path.Combine(Directory, ".virtcluster", "stacks", Stack + ".journal");

    public string LockFile => Path.Combine(Directory, ".virtcluster", "stacks", Stack + ".lock");

    /// <summary>The name of node <paramref name="k"/> (a lone node has no index).</summary>
    public string Node(int k) => Hosts is not null ? $"{Stack}-{FleetLayout.HostName(k + 1)}" : Nodes == 1 ? $"{Stack}-local" : $"{Stack}-local-{k}";

    /// <summary>Runs <c>virtcluster ARGS --stack STACK</c> in the project copy; returns exit code and output.</summary>
    public (int Exit, string Out, string Err) Run(TimeSpan timeout, params string[] args) => Start(new Dictionary<string, string>(), args).Wait(timeout);

    /// <summary>Starts <c>virtcluster ARGS --stack STACK</c> with extra environment variables, without waiting.</summary>
    public RunningVerb Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VirtCluster.Infra.dll"));

        // The stack option goes right after the verb: anything after "--" belongs to the remote command.
        foreach (var arg in args.Take(1).Append("--stack").Append(Stack).Concat(args.Skip(1)))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("VIRTCLUSTER_BACKEND");
        start.Environment["XDG_CACHE_HOME"] = ImageCache;
        start.Environment["VIRTCLUSTER_CONFIG_PASSPHRASE"] = Passphrase;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new RunningVerb(Process.Start(start)!);
    }

    public void Dispose()
    {
        try
        {
            Run(TimeSpan.FromMinutes(3), "destroy", "--yes", "--force-unlock");
        }
        finally
        {
            // Last resort after a failed destroy: the lab knows its own processes and namespace.
            foreach (var host in HostLayouts)
            {
                new SimulatedHost(host).StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            new SimulatedFabric(Fabric).StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            Lab.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

/// <summary>A verb running as a child process: its output is collected while it runs.</summary>
public sealed class RunningVerb(Process process)
{
    private readonly Task<string> _stdout = process.StandardOutput.ReadToEndAsync();
    private readonly Task<string> _stderr = process.StandardError.ReadToEndAsync();

    public int Pid => process.Id;

    /// <summary>Kills the verb and what it started, unless it has ended (or was waited for).</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Already waited for and disposed.
        }
    }

    /// <summary>Waits for the verb to end; kills it (and what it started) after <paramref name="timeout"/>.</summary>
    public (int Exit, string Out, string Err) Wait(TimeSpan timeout)
    {
        using (process)
        {
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return (-1, _stdout.Result, _stderr.Result + $"\n(killed after {timeout})");
            }

            return (process.ExitCode, _stdout.Result, _stderr.Result);
        }
    }
}
