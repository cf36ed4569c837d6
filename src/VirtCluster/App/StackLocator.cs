using System.CommandLine;
using VirtCluster.Config;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Secrets;
using VirtCluster.Engine.State;

namespace VirtCluster.App;

/// <summary>
/// The stack an application verb works on, found the way the engine's verbs find it: <c>--cwd</c> (or the current
/// directory), <c>--stack</c> (or VIRTCLUSTER_STACK), and the state backend.
/// </summary>
public sealed record StackLocator(ProjectManifest Project, ClusterSpec Spec, string? ExplicitBackend)
{
    public string Stack => Spec.Stack;

    /// <summary>The state backend, resolved as the engine does: --backend, VIRTCLUSTER_BACKEND, or .virtcluster in the project.</summary>
    public string Backend =>
        ExplicitBackend is { Length: > 0 }
            ? Path.GetFullPath(ExplicitBackend)
            : Environment.GetEnvironmentVariable("VIRTCLUSTER_BACKEND") is { Length: > 0 } backend
                ? Path.GetFullPath(backend)
                : Path.Combine(Spec.ProjectDirectory, ".virtcluster");

    public static StackLocator From(ParseResult parse)
    {
        var directory = Path.GetFullPath(parse.GetValue<string?>("--cwd") ?? Directory.GetCurrentDirectory());
        var stack = parse.GetValue<string?>("--stack") ?? Environment.GetEnvironmentVariable("VIRTCLUSTER_STACK")
            ?? throw new ConfigException("no stack selected: pass --stack NAME or set VIRTCLUSTER_STACK");
        var project = ProjectLoader.Load(directory);
        return new StackLocator(
            project, ClusterSpecLoader.FromConfig(StackConfigLoader.Load(project, stack, PassphraseSecretsProvider.Lazy(project, stack))), parse.GetValue<string?>("--backend"));
    }

    /// <summary>The stack's recorded state (read-only use: outputs and resources).</summary>
    public StackState LoadState()
    {
        using var store = new FileStateStore(Backend, Stack, secrets: null);
        return store.Load();
    }

    /// <summary>The results file of the stack's last benchmark run, or null when the stage has not run.</summary>
    public string? LatestResultsFile() => LoadState().Outputs["resultsFile"]?.GetValue<string>();
}
