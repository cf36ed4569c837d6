using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Bench.Runners;
using VirtCluster.Bench.Stage;
using VirtCluster.Engine.Providers;
using VirtCluster.Resources;
using VirtCluster.Resources.Libvirt;

namespace VirtCluster.Lab;

/// <summary>
/// The benchmark stage: runs the suite with mpirun launched on the first node (over SSH from inside the lab's
/// namespace) and the same suite on the bare-metal hosts, and records the results as its outputs. Any change of
/// the cluster or the suite runs it again (and <c>up --replace</c> on it, which <c>bench</c> does); deleting it keeps
/// the results files. The stage's lines (each run's start, heartbeat and end) go to the status channel: the stage
/// runs for minutes, and a console without <c>-v</c> must still show which run is going and for how long. Programs the
/// user supplied go to every node's <see cref="SshTarget.DefaultBinDirectory"/> and run where they are on bare metal.
/// </summary>
public sealed class BenchmarkStageProvider(StackKeys keys, LibvirtConnections connections) : IResourceProvider<BenchmarkStageInputs, BenchmarkStageOutputs>
{
    public string Type => ResourceTypes.BenchmarkStage;

    public IReadOnlyList<CheckFailure> Check(BenchmarkStageInputs inputs)
    {
        var hosts = inputs.Hosts ?? [];
        return [.. (inputs.BareMetal ?? []).Where(host => host is not "localhost" && !hosts.Contains(host))
            .Select(host => new CheckFailure("bareMetal", hosts.Count == 0
                ? $"'{host}': only this machine (localhost) can run the bare-metal side"
                : $"'{host}' is neither localhost nor one of the stack's hosts ({string.Join(", ", hosts)})"))];
    }

    public DiffKind ChangeKind(string property) => DiffKind.Update;

    public Task<ProviderResult<BenchmarkStageOutputs>> CreateAsync(ProviderRequest<BenchmarkStageInputs, BenchmarkStageOutputs> request, CancellationToken cancellationToken) =>
        RunAsync(request, cancellationToken);

    public Task<ProviderResult<BenchmarkStageOutputs>> UpdateAsync(ProviderRequest<BenchmarkStageInputs, BenchmarkStageOutputs> request, CancellationToken cancellationToken) =>
        RunAsync(request, cancellationToken);

    /// <summary>Results are files: the stage exists as long as its results file does.</summary>
    public Task<ProviderResult<BenchmarkStageOutputs>?> ReadAsync(ProviderRequest<BenchmarkStageInputs, BenchmarkStageOutputs> request, CancellationToken cancellationToken) =>
        Task.FromResult(
            request.OldOutputs is { } recorded && File.Exists(recorded.ResultsFile)
                ? new ProviderResult<BenchmarkStageOutputs>(request.Id ?? "bench", recorded)
                : null);

    public Task DeleteAsync(ProviderRequest<BenchmarkStageInputs, BenchmarkStageOutputs> request, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<ProviderResult<BenchmarkStageOutputs>> RunAsync(ProviderRequest<BenchmarkStageInputs, BenchmarkStageOutputs> request, CancellationToken cancellationToken)
    {
        var inputs = request.Inputs;
        var nodes = inputs.Nodes ?? [];
        var first = nodes.Count > 0 ? nodes[0] : throw new InvalidOperationException("the benchmark stage has no node to run on (input 'nodes' is empty)");
        var libvirt = connections.Get(inputs.Uri);

        var declared = (inputs.Fingerprint
            ?? throw new InvalidOperationException("the benchmark stage has no environment fingerprint (input 'fingerprint')")) with
        {
            LibvirtVersion = libvirt.LibVersion().ToString(),
            QemuVersion = libvirt.HypervisorVersion().ToString(),
        };
        await using var shell = await NodeShell.ConnectAsync(
            first.Route(inputs.Namespace), first.Name, first.Address, first.HostKey, keys.Admin, TimeSpan.FromSeconds(60), request.Progress, cancellationToken);
        var cluster = new SshTarget(
            shell.Ssh,
            declared,
            [.. nodes.Select(n => n.Name)],
            inputs.Btl ?? DefaultBtl,
            environment: inputs.Pml is { } pml ? new Dictionary<string, string> { ["OMPI_MCA_pml"] = pml } : null);
        var hosts = inputs.BareMetalHosts ?? [];
        await using var hostShell = hosts.Count > 0 ? await HostShell.ConnectAsync(hosts[0].Hop, keys.Admin, cancellationToken) : null;
        var bareMetal = new List<IBenchTarget>();
        if (hostShell is not null)
        {
            bareMetal.Add(await HostsTargetAsync(hostShell, hosts, cancellationToken));
        }

        if ((inputs.BareMetal ?? []).Contains("localhost"))
        {
            var name = hostShell is null ? "bmm" : "bmm-local";
            bareMetal.Add(new LocalTarget(name, "vader,self", new EnvironmentFingerprint(name, EnvironmentKind.BareMetal, MpiTransport: "btl=vader,self")));
        }

        var outputs = await BenchmarkStage.RunAsync(
            new BenchmarkStageRequest(inputs.Suite, inputs.ResultsDirectory, cluster, bareMetal)
            {
                Benchmarks = inputs.Benchmarks is { Count: > 0 } benchmarks ? benchmarks : null,
                BinaryPaths = inputs.BinaryPaths ?? new Dictionary<string, string>(),
                SuppliedBinaries = inputs.Binaries ?? new Dictionary<string, string>(),
            },
            request.Status,
            cancellationToken);
        return new ProviderResult<BenchmarkStageOutputs>(outputs.RunId, outputs);
    }

    /// <summary>
    /// The hosts themselves as the bare-metal environment: mpirun starts on the first host and reaches the others over
    /// SSH on their cluster addresses with the cluster key and their host keys pinned (both written to the first host's
    /// work folder, owner-only, as the host sees none of this machine's files), and MPI traffic kept on the cluster
    /// network when the hosts' cluster addresses are on it (a simulated host's management link leads only to this machine).
    /// The other hosts must authorize the stack's cluster key; simulated hosts do from their creation.
    /// </summary>
    private async Task<IBenchTarget> HostsTargetAsync(Remote.SshRunner shell, IReadOnlyList<BareMetalHost> hosts, CancellationToken cancellationToken)
    {
        const string root = "/tmp/virtcluster-bench-hosts";
        const string knownHosts = root + "/known_hosts";
        const string clusterKey = root + "/cluster-key";
        (await shell.RunAsync(["mkdir", "-p", "-m", "700", root], TimeSpan.FromSeconds(30), cancellationToken)).EnsureSuccess($"create {root} on {hosts[0].Hop.Name}");
        var known = string.Concat(hosts.SelectMany(h => h.Hop.HostKeyLines().Select(key => $"{h.ClusterAddress} {key}\n")));
        await shell.UploadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(known)), knownHosts, Engine.IO.AtomicFile.OwnerOnly, cancellationToken);
        await shell.UploadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(keys.Cluster.PrivateKey)), clusterKey, Engine.IO.AtomicFile.OwnerOnly, cancellationToken);
        var agent = $"ssh -F /dev/null -i {clusterKey} -o UserKnownHostsFile={knownHosts} -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes -o BatchMode=yes";
        var environment = new Dictionary<string, string> { ["OMPI_MCA_plm_rsh_agent"] = agent };
        if (hosts[0].Subnet is { } subnet)
        {
            environment["OMPI_MCA_btl_tcp_if_include"] = subnet;
            environment["OMPI_MCA_oob_tcp_if_include"] = subnet;
        }

        var declared = new EnvironmentFingerprint("bmm", EnvironmentKind.BareMetal, Hypervisor: hosts[0].Note, MpiTransport: "btl=vader,tcp,self");
        return new SshTarget(
            shell, declared, [.. hosts.Select(h => h.ClusterAddress)], "vader,tcp,self", root, root + "/bin", environment);
    }

    /// <summary>Between VMs without an HCA, TCP is all there is; Open MPI would otherwise probe for an InfiniBand device.</summary>
    public const string DefaultBtl = "tcp,self";

    /// <summary>Said in the results wherever the bare-metal side ran on simulated hosts.</summary>
    public const string SimulatedHostsNote = "none: simulated hosts (network namespaces sharing one kernel)";
}
