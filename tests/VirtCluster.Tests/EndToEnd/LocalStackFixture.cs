using System.Diagnostics;
using VirtCluster.Network;
using VirtCluster.Testing;

namespace VirtCluster.Tests.EndToEnd;

/// <summary>
/// A throwaway copy of the project with a lab stack of its own (own namespace, bridge and state), driven through
/// the real program as a child process, exactly as a user runs it. Whatever happens, Dispose destroys the stack,
/// stops the lab and removes the folder.
/// </summary>
public sealed class LocalStackFixture : IDisposable
{
    public LocalStackFixture()
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        Stack = "e2e";
        Namespace = "vce2e-" + id;
        Project = Directory.CreateTempSubdirectory("vc-e2e-").FullName;
        File.Copy(Path.Combine(TestPaths.RepoRoot, "Pulumi.yaml"), Path.Combine(Project, "Pulumi.yaml"));
        File.WriteAllText(Path.Combine(Project, "Pulumi.e2e.yaml"), $"""
            config:
              virtcluster:lab:
                nodes: 2
                namespace: {Namespace}
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
              virtcluster:bench:
                enabled: true
                suite: e2e-suite.yaml
                bareMetal: [localhost]
            """);

        // The Debian suite, cut down so that emulated guests finish it in seconds.
        File.WriteAllText(Path.Combine(Project, "e2e-suite.yaml"), """
            name: e2e
            description: NetPIPE and HPCC at small sizes
            binaries:
              netpipe: { config: virtcluster:netpipePath, default: /usr/bin/NPopenmpi, description: NPopenmpi }
              hpcc: { config: virtcluster:hpccPath, default: /usr/bin/hpcc, description: hpcc }
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
              hpcc:
                description: HPCC at N=200
                parser: hpcc
                command: ["{binary:hpcc}"]
                placements: [none]
                sweep: { processes: [2], threads: [1] }
                repetitions: 1
                timeout: 10m
                requires: [hpcc]
                hpcc: { n: [200], nb: [40] }
                metrics: [MinPingPongLatency, MaxPingPongBandwidth]
            """);
    }

    public string Project { get; }

    public string Stack { get; }

    public string Namespace { get; }

    public LabEnvironment Lab => new(Namespace, Path.Combine(Project, ".virtcluster", "lab", Stack));

    public string Node(int k) => $"{Stack}-local-{k}";

    /// <summary>Runs <c>virtcluster ARGS --stack e2e</c> in the project copy; returns exit code and output.</summary>
    public (int Exit, string Out, string Err) Run(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Project,
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
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, stdout.Result, stderr.Result + $"\n(killed after {timeout})");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        try
        {
            Run(TimeSpan.FromMinutes(3), "destroy", "--yes");
        }
        finally
        {
            // Last resort after a failed destroy: the lab knows its own processes and namespace.
            Lab.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            Directory.Delete(Project, recursive: true);
        }
    }
}
