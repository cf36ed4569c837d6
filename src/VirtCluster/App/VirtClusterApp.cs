using System.CommandLine;
using Serilog;
using VirtCluster.Bench.Cli;
using VirtCluster.Cluster;
using VirtCluster.Config;
using VirtCluster.Engine.Cli;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;
using VirtCluster.Libvirt;
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

    public LibvirtConnections Connections { get; }

    public HostFactsSource Facts { get; }

    /// <summary>Runs the command line with <paramref name="program"/> as the stack's program.</summary>
    public Task<int> RunAsync(string[] args, StackProgram program, EngineHost? template = null)
    {
        var host = (template ?? new EngineHost(program, Providers)) with
        {
            Program = program,
            Providers = Providers,
            Commands = [Doctor(), Bench()],
        };
        return EngineCli.RunAsync(args, host);
    }

    /// <summary>The stack's validated cluster spec.</summary>
    public static ClusterSpec Spec(StackBuilder stack) => ClusterSpecLoader.FromConfig(stack.Config);

    /// <summary>Reads every host's facts, runs preflight, and declares the cluster's resources.</summary>
    public IReadOnlyList<DeclaredNode> DeclareCluster(StackBuilder stack, ClusterSpec spec)
    {
        if (spec.Lab is not null)
        {
            throw new ConfigException(
                $"{Path.GetFileName(stack.Config.StackFile)}: lab mode (virtcluster:lab) cannot be deployed by this version; use a stack with hosts");
        }

        var facts = Facts.ReadAllAsync(spec, CancellationToken.None).GetAwaiter().GetResult();
        return ClusterDeclaration.Declare(stack, spec, facts);
    }

    public IReadOnlyList<IResourceProvider> Providers(StackConfig config)
    {
        var spec = ClusterSpecLoader.FromConfig(config);
        return
        [
            new HostProvider(spec, Facts),
            new PoolProvider(Connections),
            new VolumeProvider(ResourceTypes.BaseImage, Connections),
            new VolumeProvider(ResourceTypes.Overlay, Connections),
            new NetworkProvider(Connections),
            new NodeProvider(Connections),
        ];
    }

    public void Dispose() => Connections.Dispose();

    private Command Doctor() => DoctorCommand.Create(this);

    private static Command Bench()
    {
        var bench = new Command("bench", "Benchmark tools: parse raw outputs");
        bench.Subcommands.Add(BenchCommands.CreateParseCommand());
        return bench;
    }
}
