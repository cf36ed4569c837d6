using System.CommandLine;
using Serilog;
using VirtCluster.Cluster;
using VirtCluster.Config;
using VirtCluster.Engine.Cli;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;
using VirtCluster.Images;
using VirtCluster.Lab;
using VirtCluster.Libvirt;
using VirtCluster.Network;
using VirtCluster.Planning;
using VirtCluster.Resources;
using VirtCluster.Resources.Libvirt;

namespace VirtCluster.App;

/// <summary>
/// The composition root the program in <c>infra/</c> runs on: shared libvirt connections, host facts, the
/// providers for every resource type, and the verbs beyond the engine's (doctor, bench parse).
/// </summary>
public sealed class VirtClusterApp : IDisposable
{
    public VirtClusterApp()
    {
        Connections = new LibvirtConnections();
        Facts = new HostFactsSource(Connections);

        // libvirt reports every error to this hook as well as to the caller; it goes to the run's log, never stderr.
        LibvirtErrors.Handler = e => Log.Debug("libvirt: {Message} (code {Code}, domain {Domain})", e.Message, e.Code, e.Domain);
    }

    private string? _backend;

    public LibvirtConnections Connections { get; }

    public HostFactsSource Facts { get; }

    /// <summary>Runs the command line with <paramref name="program"/> as the stack's program.</summary>
    public Task<int> RunAsync(string[] args, StackProgram program, EngineHost? template = null)
    {
        // The program places lab state beside the engine's, so it needs a --backend given on the command line too.
        var backendAt = Array.IndexOf(args, "--backend");
        _backend = backendAt >= 0 && backendAt + 1 < args.Length ? Path.GetFullPath(args[backendAt + 1]) : null;

        EngineHost? host = null;
        host = (template ?? new EngineHost(program, Providers)) with
        {
            Program = program,
            Providers = Providers,
            Commands = [Doctor(), ExecCommand.Create(), BenchVerbs.Bench(again => EngineCli.RunAsync(again, host!)), BenchVerbs.Report(), ImageCommands.Create()],
        };
        return EngineCli.RunAsync(args, host);
    }

    /// <summary>The stack's validated cluster spec.</summary>
    public static ClusterSpec Spec(StackBuilder stack) => ClusterSpecLoader.FromConfig(stack.Config);

    /// <summary>Reads every host's facts, runs preflight, and declares the cluster's resources (with the lab, in lab mode).</summary>
    public IReadOnlyList<DeclaredNode> DeclareCluster(StackBuilder stack, ClusterSpec spec)
    {
        var facts = Facts.ReadAllAsync(spec, CancellationToken.None).GetAwaiter().GetResult();
        if (spec.Lab is null)
        {
            return ClusterDeclaration.Declare(stack, spec, facts);
        }

        var lab = LabDeclaration.Begin(stack, spec, LabContextFor(spec));
        var nodes = ClusterDeclaration.Declare(stack, spec, facts, lab);
        var access = LabDeclaration.Finish(stack, spec, nodes);
        if (spec.Bench.Enabled)
        {
            BenchDeclaration.Declare(stack, spec, nodes, access, lab, Backend(spec, _backend));
        }

        return nodes;
    }

    public IReadOnlyList<IResourceProvider> Providers(StackConfig config)
    {
        var spec = ClusterSpecLoader.FromConfig(config);
        var lab = spec.Lab is null ? null : LabContextFor(spec);
        var readiness = lab is null ? null : new LabNodeReadiness(spec.Lab!.Namespace, lab.Keys, spec.Lab.BootTimeout);
        if (lab is not null)
        {
            // A lab's libvirtd killed during an earlier run comes back on its state, with its guests still running.
            var environment = new LabEnvironment(spec.Lab!.Namespace, lab.StateDirectory);
            Connections.Supervise(environment.ConnectionUri, () => environment
                .ResumeAsync(new SynchronousProgress(line => Log.Warning("{Line}", line)), CancellationToken.None)
                .GetAwaiter().GetResult());
        }

        List<IResourceProvider> providers =
        [
            new HostProvider(spec, Facts),
            new DaemonFailures(new PoolProvider(Connections)),
            new DaemonFailures(new VolumeProvider(ResourceTypes.BaseImage, Connections)),
            new DaemonFailures(new VolumeProvider(ResourceTypes.Overlay, Connections)),
            new DaemonFailures(new NetworkProvider(Connections)),
            new DaemonFailures(new NodeProvider(Connections, readiness)),
            new LabProvider(Connections),
            new ImageProvider(Images),
        ];
        if (lab is not null)
        {
            providers.Add(new ClusterAccessProvider(lab.Keys));
            providers.Add(new BenchmarkStageProvider(lab.Keys, Connections));
        }

        return providers;
    }

    /// <summary>The state backend, resolved as the engine does: --backend, VIRTCLUSTER_BACKEND, or .virtcluster in the project.</summary>
    public static string Backend(ClusterSpec spec, string? explicitBackend) =>
        explicitBackend is { Length: > 0 }
            ? Path.GetFullPath(explicitBackend)
            : Environment.GetEnvironmentVariable("VIRTCLUSTER_BACKEND") is { Length: > 0 } backend
                ? Path.GetFullPath(backend)
                : Path.Combine(spec.ProjectDirectory, ".virtcluster");

    public ImageCache Images { get; } = new(ImageCache.DefaultRoot);

    private LabContext LabContextFor(ClusterSpec spec)
    {
        var backend = Backend(spec, _backend);
        var layout = new ClusterLayout(spec);
        var peers = Enumerable.Range(0, spec.NodesPerHost).ToDictionary(
            k => NodePlanner.NodeName(spec, spec.Hosts[0].Name, k),
            k => layout.Address(k));
        return new LabContext(
            Path.Combine(backend, "lab", spec.Stack),
            StackKeys.LoadOrCreate(Path.Combine(backend, "keys", spec.Stack), spec.Stack, spec.SshPrivateKey?.PlainText),
            Images,
            peers);
    }

    public void Dispose() => Connections.Dispose();

    private Command Doctor() => DoctorCommand.Create(this);

}
