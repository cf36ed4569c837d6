using System.Collections.Concurrent;
using System.CommandLine;
using Log = Serilog.Log;
using VirtCluster.Cluster;
using VirtCluster.Config;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Providers;
using VirtCluster.Images;
using VirtCluster.Lab;
using VirtCluster.LabHost;
using VirtCluster.Libvirt;
using VirtCluster.Planning;
using VirtCluster.Resources;
using VirtCluster.Resources.Libvirt;
using VirtCluster.Sdk;

[assembly: ProviderPackage(typeof(VirtCluster.App.VirtClusterPackage))]

namespace VirtCluster.App;

/// <summary>
/// VirtCluster's provider package: the providers of its resource types and its own verbs (doctor, exec, bench,
/// report, image), over services shared for the whole process: libvirt connections (the test driver keeps its objects
/// per connection, so facts and providers must share them), the host facts reader and the image cache.
/// </summary>
public sealed class VirtClusterPackage : IProviderPackage, IDisposable
{
    public VirtClusterPackage()
    {
        Connections = new LibvirtConnections();
        Facts = new HostFactsSource(Connections);

        // libvirt reports every error to this hook as well as to the caller; it goes to the run's log, never stderr.
        LibvirtErrors.Handler = e => Log.Debug("libvirt: {Message} (code {Code}, domain {Domain})", e.Message, e.Code, e.Domain);
    }

    /// <summary>The package of the running program.</summary>
    public static VirtClusterPackage Current => Deployment.GetPackage<VirtClusterPackage>();

    public LibvirtConnections Connections { get; }

    public HostFactsSource Facts { get; }

    /// <summary>The stack keys of each key folder used in this process.</summary>
    private readonly ConcurrentDictionary<string, StackKeys> _keys = new(StringComparer.Ordinal);

    public ImageCache Images { get; } = new(ImageCache.DefaultRoot);

    public IReadOnlyList<Command> Commands(Func<string[], Task<int>> runEngine) =>
        [DoctorCommand.Create(this), ExecCommand.Create(), BenchVerbs.Bench(runEngine), BenchVerbs.Report(), ImageCommands.Create()];

    public IReadOnlyList<IResourceProvider> Providers(StackConfig config)
    {
        var spec = ClusterSpecLoader.FromConfig(config);
        var lab = spec.RunsGuests ? LabContext(spec) : null;
        var readiness = lab is null ? null : new SshNodeReadiness(spec.Lab?.Namespace, lab.Keys, spec.BootTimeout);
        if (spec.Lab?.Fleet is not null)
        {
            // A simulated host's libvirtd or sshd killed during an earlier run comes back on its state, its guests still running.
            var fleet = new FleetLayout(spec.Stack, spec.Lab, spec.Network, spec.Backend);
            foreach (var (host, hostSpec) in fleet.Hosts.Zip(fleet.HostSpecs))
            {
                var simulated = new SimulatedHost(host);
                Connections.Supervise(hostSpec.Uri!, () => simulated
                    .ResumeAsync(new SynchronousProgress(line => Log.Warning("{Line}", line)), CancellationToken.None)
                    .GetAwaiter().GetResult());
            }
        }
        else if (spec.Lab is not null && lab is not null)
        {
            // A lab's libvirtd killed during an earlier run comes back on its state, with its guests still running.
            var environment = new LabEnvironment(spec.Lab.Namespace, lab.StateDirectory);
            Connections.Supervise(environment.ConnectionUri, () => environment
                .ResumeAsync(new SynchronousProgress(line => Log.Warning("{Line}", line)), CancellationToken.None)
                .GetAwaiter().GetResult());
        }

        List<IResourceProvider> providers =
        [
            TypedProvider.Of(new HostProvider(spec, Facts), ProviderJson.Default),
            new DaemonFailures(TypedProvider.Of(new PoolProvider(Connections), ProviderJson.Default)),
            new DaemonFailures(TypedProvider.Of(new VolumeProvider(ResourceTypes.BaseImage, Connections), ProviderJson.Default)),
            new DaemonFailures(TypedProvider.Of(new VolumeProvider(ResourceTypes.Overlay, Connections), ProviderJson.Default)),
            new DaemonFailures(TypedProvider.Of(new NetworkProvider(Connections), ProviderJson.Default)),
            new DaemonFailures(TypedProvider.Of(new NodeProvider(Connections, readiness), ProviderJson.Default)),
            TypedProvider.Of(new LabProvider(Connections), ProviderJson.Default),
            TypedProvider.Of(new ImageProvider(Images), ProviderJson.Default),
        ];
        if (lab is not null)
        {
            providers.Add(TypedProvider.Of(new ClusterAccessProvider(lab.Keys), ProviderJson.Default));
            providers.Add(TypedProvider.Of(new FabricProvider(lab.Keys), ProviderJson.Default));
            providers.Add(TypedProvider.Of(new SimulatedHostProvider(lab.Keys), ProviderJson.Default));
            providers.Add(TypedProvider.Of(new BenchmarkStageProvider(lab.Keys, Connections), ProviderJson.Default));
        }

        return providers;
    }

    /// <summary>
    /// Where lab mode keeps its state and keys for <paramref name="spec"/>, and the cluster's names for /etc/hosts.
    /// The program (node boot lines) and the providers (SSH to the nodes) get the same <see cref="StackKeys"/>, so that
    /// keys first made during a run are made once.
    /// </summary>
    internal LabContext LabContext(ClusterSpec spec)
    {
        var layout = new ClusterLayout(spec);
        var peers = spec.Hosts
            .SelectMany(host => Enumerable.Range(0, spec.NodesPerHost).Select(k => NodePlanner.NodeName(spec, host.Name, k)))
            .Select((node, index) => (node, index))
            .ToDictionary(n => n.node, n => layout.Address(n.index));
        return new LabContext(
            Path.Combine(spec.Backend, "lab", spec.Stack),
            _keys.GetOrAdd(Path.Combine(spec.Backend, "keys", spec.Stack), folder => new StackKeys(folder, spec.Stack, spec.SshPrivateKey?.PlainText)),
            Images,
            peers);
    }

    public void Dispose() => Connections.Dispose();
}
