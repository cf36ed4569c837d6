using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Bench.Stage;
using VirtCluster.Bench.Suites;
using VirtCluster.Config;
using VirtCluster.Engine.Config;
using VirtCluster.Lab;
using VirtCluster.Planning;
using VirtCluster.Resources;
using VirtCluster.Sdk;

namespace VirtCluster.Components;

public sealed record BenchmarkStageArgs
{
    /// <summary>The cluster whose nodes run the suite.</summary>
    public required VirtualCluster Cluster { get; init; }

    /// <summary>The suite (YAML): benchmarks, placements, sweeps, parsers.</summary>
    public required string Suite { get; init; }

    /// <summary>Names of the suite's benchmarks to run; empty for all.</summary>
    public IReadOnlyList<string> Benchmarks { get; init; } = [];

    /// <summary>Hosts that run the same suite on bare metal, the baseline the VMs are compared with.</summary>
    public IReadOnlyList<string> BareMetal { get; init; } = [];

    /// <summary>
    /// Programs on this machine by the suite's name for them (<c>virtcluster:bench</c> <c>binaries</c>): installed on
    /// every node, run where they are on bare metal. The suite's other binaries are at the paths its config keys give.
    /// </summary>
    public IReadOnlyDictionary<string, string> Binaries { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Open MPI's transport between the nodes; null for TCP (<c>tcp,self</c>), all a VM without an HCA has.</summary>
    public MpiTransport? Mpi { get; init; }
}

/// <summary>
/// The benchmark stage: once the cluster answers, runs the suite on its nodes and on bare metal, and makes the results
/// outputs: per environment the measured figures, ratios against bare metal, the report's tables, and where the
/// results file and raw outputs are. It runs again when what it measures changes (nodes, suite, selection, programs),
/// or with <c>up --replace</c> on its run.
/// </summary>
public sealed class BenchmarkStage : ComponentResource
{
    public const string TypeName = "virtcluster:index:BenchmarkStage";

    public BenchmarkStage(string name, BenchmarkStageArgs args, ComponentResourceOptions? options = null)
        : base(TypeName, name, options)
    {
        // The suite's binaries, checked now so that a missing program is a config error of preview, not a failed run.
        var binaries = StageBinaries.Resolve(SuiteLoader.Load(args.Suite), args.Binaries, new Sdk.Config("virtcluster").Get);
        var run = Output.Create(DeclareAsync(name, args, binaries));
        Environments = run.Apply(r => r.Environments);
        Ratios = run.Apply(r => r.Ratios);
        Tables = run.Apply(r => r.Tables);
        Runs = run.Apply(r => r.Runs);
        Failures = run.Apply(r => r.Failures);
        ResultsFile = run.Apply(r => r.ResultsFile);
        RawOutputs = run.Apply(r => r.RawOutputs);
        RegisterOutputs(new Dictionary<string, object?> { ["runs"] = Runs, ["resultsFile"] = ResultsFile });
    }

    /// <summary>
    /// Per environment (<c>tcg</c>, <c>kvm</c>, <c>bmm</c>...), the cluster first: its role, fingerprint, and
    /// latency/bandwidth per communication source.
    /// </summary>
    [Output("environments")]
    public Output<IReadOnlyDictionary<string, StageEnvironment>> Environments { get; }

    /// <summary>Each environment's figures divided by bare metal's.</summary>
    [Output("ratios")]
    public Output<IReadOnlyDictionary<string, StageRatios>> Ratios { get; }

    /// <summary>The paper's tables for this cluster: latency by placement, throughput, overhead, efficiency.</summary>
    [Output("tables")]
    public Output<StageTables> Tables { get; }

    [Output("runs")]
    public Output<StageRuns> Runs { get; }

    [Output("failures")]
    public Output<ImmutableArray<StageFailure>> Failures { get; }

    /// <summary>The run's results file (schemas/results.schema.json).</summary>
    [Output("resultsFile")]
    public Output<string> ResultsFile { get; }

    /// <summary>The folder with every program's raw output.</summary>
    [Output("rawOutputs")]
    public Output<string> RawOutputs { get; }

    /// <summary>The stage's run as a resource: <c>up --replace</c> on this URN runs the suite again.</summary>
    public static Engine.Model.Urn RunUrn(string stack, string project, string name) =>
        Engine.Model.Urn.Create(stack, project, ResourceTypes.BenchmarkStage, name + "-run", TypeName);

    private async Task<BenchmarkRun> DeclareAsync(string name, BenchmarkStageArgs args, StageBinaries binaries)
    {
        var members = await args.Cluster.Members.ConfigureAwait(false);
        var spec = args.Cluster.Spec;
        var lab = members.Lab
            ?? throw new ConfigException(null, "virtcluster:bench", "the hosts are simulated by libvirt's test driver (simulate:), which runs no guest; set enabled: false");
        var flavour = members.Nodes[0].Plan.Flavour;
        var fingerprint = new EnvironmentFingerprint(
            flavour.ToString().ToLowerInvariant(),
            flavour switch { DomainFlavour.Kvm => EnvironmentKind.Kvm, DomainFlavour.Tcg => EnvironmentKind.Tcg, _ => EnvironmentKind.Xen },
            Hypervisor: flavour == DomainFlavour.Tcg ? "qemu (TCG)" : flavour.ToString().ToLowerInvariant(),
            ImageDigest: lab.ImageKey,
            ConfigHash: MeasuredSetupHash(members, args, binaries),
            MpiTransport: new MpiTransport(args.Mpi?.Btl ?? BenchmarkStageProvider.DefaultBtl, args.Mpi?.Pml).ToString());
        var runArgs = new BenchmarkRunArgs
        {
            Uri = lab.Uri(spec.Hosts.Single(h => h.Name == members.Nodes[0].Plan.HostName)),
            Suite = args.Suite,
            SuiteDigest = FileDigest(args.Suite),
            Btl = args.Mpi?.Btl ?? BenchmarkStageProvider.DefaultBtl,
            Benchmarks = [.. args.Benchmarks],
            BareMetal = [.. args.BareMetal],
            Binaries = new Dictionary<string, string>(binaries.Supplied),
            BinaryPaths = new Dictionary<string, string>(binaries.PathsOnNodes),
            ResultsDirectory = Path.Combine(spec.Backend, "results", spec.Stack),
            Fingerprint = fingerprint,
            Hosts = [.. spec.Hosts.Select(h => h.Name).Where(h => lab.BareMetalHost(h) is not null)],
            BareMetalHosts = [.. args.BareMetal.Select(lab.BareMetalHost).OfType<Output<Lab.BareMetalHost>>().Select(h => (Input<Lab.BareMetalHost>)h)],
        };
        if (args.Mpi?.Pml is { } pml)
        {
            runArgs.Pml = pml;
        }

        if (spec.Lab is { } labSpec)
        {
            runArgs.Namespace = labSpec.Namespace;
        }

        foreach (var node in members.Nodes)
        {
            runArgs.Nodes.Add(new ClusterNodeArgs { Name = node.Plan.NodeName, Address = node.Address, HostKey = node.Resource.HostKey, Via = lab.Via(node.Plan.HostName) is { } via ? (Input<Lab.HostHop>)via : null });
        }

        Log.Info(Order(members, args.BareMetal), this);
        return new BenchmarkRun(name + "-run", runArgs, new CustomResourceOptions { Parent = this, DependsOn = { members.Access! } });
    }

    /// <summary>
    /// Where the suite runs, in order, as preview and up show it: the VMs first, then bare metal with the VMs still
    /// running. That is sound because no VM holds the HCA of a bare-metal host: a stack with <c>io: passthrough</c>
    /// whose <c>bench.bareMetal</c> names one of its own hosts is refused when it is read.
    /// </summary>
    internal static string Order(ClusterMembers members, IReadOnlyList<string> bareMetal)
    {
        var vms = $"in the VMs ({string.Join(", ", members.Nodes.Select(n => n.Plan.NodeName))})";
        if (bareMetal.Count == 0)
        {
            return $"the suite runs {vms} only: bench.bareMetal is empty, so there is no bare-metal baseline to compare with";
        }

        var held = members.Nodes.Any(n => n.Plan.Hostdev is not null) ? "no VM holds the HCA of those hosts" : "with io: virtio no VM holds a host's HCA";
        return $"the suite runs {vms} first, then on bare metal ({string.Join(", ", bareMetal)}) with the VMs still running: {held}";
    }

    /// <summary>
    /// What the results depend on besides the suite: each node's size, pinning and placement, the selection, and the
    /// programs (a supplied one by its content, so that a new build runs the stage again).
    /// </summary>
    private static string MeasuredSetupHash(ClusterMembers members, BenchmarkStageArgs args, StageBinaries binaries)
    {
        var text = new StringBuilder();
        foreach (var node in members.Nodes)
        {
            var plan = node.Plan;
            text.Append(CultureInfo.InvariantCulture, $"{plan.NodeName}@{plan.HostName}:{plan.Vcpus}:{plan.MemoryBytes}:{plan.Pinning}:{plan.Flavour}:{plan.NumaCells.Count}:{plan.Hostdev}\n");
        }

        text.Append(string.Join(',', args.Benchmarks)).Append('|').Append(string.Join(',', args.BareMetal)).Append('|')
            .Append(string.Join(',', binaries.SuppliedSha256.Select(b => b.Key + "=sha256:" + b.Value)
                .Concat(binaries.PathsOnNodes.Select(b => b.Key + "=" + b.Value))
                .Order(StringComparer.Ordinal)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string FileDigest(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
}
