using System.Reflection;
using VirtCluster.Engine.Cli;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;

namespace VirtCluster.Sdk;

/// <summary>
/// The program's entry point (Pulumi's <c>Deployment.RunAsync</c>): it hands the program to the engine's command line
/// (<c>preview</c>, <c>up</c>, <c>destroy</c>, ...), which runs it, plans and applies, and returns the exit code.
/// Providers come from the provider packages the program references (<see cref="ProviderPackageAttribute"/>) and
/// from <see cref="DeploymentSettings.Providers"/>.
/// </summary>
public static class Deployment
{
    private static readonly AsyncLocal<Invocation?> Invoked = new();

    /// <summary>Runs a program that returns the stack's outputs.</summary>
    public static Task<int> RunAsync(Func<Task<IDictionary<string, object?>>> program, DeploymentSettings? settings = null) =>
        RunAsync(async () => (IDictionary<string, object?>)await program().ConfigureAwait(false), Arguments, settings);

    /// <summary>Runs a program with no outputs.</summary>
    public static Task<int> RunAsync(Func<Task> program, DeploymentSettings? settings = null) =>
        RunAsync(async () =>
        {
            await program().ConfigureAwait(false);
            return (IDictionary<string, object?>)new Dictionary<string, object?>();
        }, Arguments, settings);

    /// <summary>Runs a program written as a <see cref="Stack"/>: its [Output] properties are the stack's outputs.</summary>
    public static Task<int> RunAsync<TStack>(DeploymentSettings? settings = null)
        where TStack : Stack, new() =>
        RunAsync(() => Task.FromResult(new TStack().Outputs()), Arguments, settings);

    /// <summary>The cancellation of the current run (Ctrl-C), for work the program awaits.</summary>
    public static CancellationToken CancellationToken => DeploymentContext.Current?.CancellationToken ?? CancellationToken.None;

    /// <summary>The stack being deployed.</summary>
    public static string StackName => DeploymentContext.Current?.Stack ?? throw Outside(nameof(StackName));

    /// <summary>The project (from Pulumi.yaml).</summary>
    public static string ProjectName => DeploymentContext.Current?.Project ?? throw Outside(nameof(ProjectName));

    /// <summary>The engine's command line for <paramref name="args"/>, running <paramref name="program"/>; for tests and hosts.</summary>
    public static Task<int> RunAsync(Func<Task<IDictionary<string, object?>>> program, string[] args, DeploymentSettings? settings = null) =>
        EngineCli.RunAsync(args, Host(program, Invoked.Value?.Settings ?? settings ?? new DeploymentSettings()));

    /// <summary>
    /// Runs a program's entry point (its <c>Main</c>) in this process as if started with <paramref name="args"/>, with
    /// <paramref name="settings"/> in place of the program's own: how tests drive the real program in-process.
    /// </summary>
    public static async Task<int> InvokeAsync(Func<Task<int>> entryPoint, string[] args, DeploymentSettings settings)
    {
        var previous = Invoked.Value;
        Invoked.Value = new Invocation(args, settings);
        try
        {
            return await entryPoint().ConfigureAwait(false);
        }
        finally
        {
            Invoked.Value = previous;
        }
    }

    private static string[] Arguments => Invoked.Value?.Arguments ?? Environment.GetCommandLineArgs()[1..];

    /// <summary>What the command line needs to run <paramref name="program"/>: the program as the engine calls it, providers and verbs.</summary>
    public static EngineHost Host(Func<Task<IDictionary<string, object?>>> program, DeploymentSettings settings)
    {
        var packages = new ProviderPackages(settings);
        EngineHost? host = null;
        host = (settings.Host ?? new EngineHost((_, _) => Task.CompletedTask, _ => [])) with
        {
            Program = async (stack, cancellationToken) =>
            {
                var context = new DeploymentContext(stack, cancellationToken, packages.All);
                using (DeploymentContext.Enter(context))
                {
                    var outputs = await program().WaitAsync(cancellationToken).ConfigureAwait(false);
                    await context.FinishAsync(outputs).ConfigureAwait(false);
                }
            },
            Providers = packages.ProvidersFor,
            Commands = [.. (settings.Host?.Commands ?? []), .. packages.Commands(args => EngineCli.RunAsync(args, host!))],
        };
        return host;
    }

    /// <summary>The provider package of type <typeparamref name="T"/> this run uses (its shared connections, caches).</summary>
    public static T GetPackage<T>()
        where T : IProviderPackage =>
        (DeploymentContext.Current ?? throw Outside(nameof(GetPackage))).Packages.OfType<T>().SingleOrDefault()
            ?? throw new InvalidOperationException($"no provider package {typeof(T).Name} is loaded; reference its assembly from the program");

    private sealed record Invocation(string[] Arguments, DeploymentSettings Settings);

    private static InvalidOperationException Outside(string member) =>
        new($"Deployment.{member} is read outside Deployment.RunAsync");
}

/// <summary>How <see cref="Deployment.RunAsync(Func{Task{IDictionary{string, object?}}}, DeploymentSettings?)"/> runs.</summary>
public sealed class DeploymentSettings
{
    /// <summary>Providers of the program's own resource types, beside those of the referenced provider packages.</summary>
    public List<IResourceProvider> Providers { get; init; } = [];

    /// <summary>Provider packages to use besides those found on the program's referenced assemblies.</summary>
    public List<Type> Packages { get; init; } = [];

    /// <summary>Package instances to use instead of new ones of their types (tests inspect their connections).</summary>
    public List<IProviderPackage> PackageInstances { get; init; } = [];

    /// <summary>Console and terminal settings for the command line (tests drive it in-process with their own).</summary>
    public EngineHost? Host { get; init; }
}
