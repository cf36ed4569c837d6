using System.CommandLine;
using System.Reflection;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Providers;

namespace VirtCluster.Sdk;

/// <summary>
/// A library's providers for its resource types, and verbs of its own (Pulumi finds a package's provider plugin by
/// the package name; here an assembly names its package with <see cref="ProviderPackageAttribute"/>).
/// The engine makes one instance per process, so providers can share connections.
/// </summary>
public interface IProviderPackage
{
    /// <summary>The providers for a stack, built once its configuration is loaded.</summary>
    IReadOnlyList<IResourceProvider> Providers(StackConfig config);

    /// <summary>Verbs the package adds to the command line (doctor, exec...).</summary>
    /// <param name="runEngine">Runs the engine's command line again (a verb that deploys, such as re-running a stage).</param>
    IReadOnlyList<Command> Commands(Func<string[], Task<int>> runEngine);
}

/// <summary>Names the <see cref="IProviderPackage"/> of the assembly it is put on.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ProviderPackageAttribute(Type package) : Attribute
{
    public Type Package { get; } = package;
}

/// <summary>The packages of a program: those its entry assembly and the assemblies it references name, and any given.</summary>
internal sealed class ProviderPackages
{
    private readonly List<IProviderPackage> _packages;
    private readonly DeploymentSettings _settings;

    public ProviderPackages(DeploymentSettings settings)
    {
        _settings = settings;
        var given = settings.PackageInstances.Select(p => p.GetType()).ToHashSet();
        var types = settings.Packages.Concat(Discover()).Distinct().Where(t => !given.Contains(t));
        _packages = [.. settings.PackageInstances, .. types.Select(t => (IProviderPackage)(Activator.CreateInstance(t)
            ?? throw new InvalidOperationException($"provider package {t} could not be created")))];
    }

    public IReadOnlyList<IProviderPackage> All => _packages;

    public IReadOnlyList<Command> Commands(Func<string[], Task<int>> runEngine) => [.. _packages.SelectMany(p => p.Commands(runEngine))];

    public IReadOnlyList<IResourceProvider> ProvidersFor(StackConfig config) =>
        [.. _packages.SelectMany(p => p.Providers(config)), .. _settings.Providers];

    private static IEnumerable<Type> Discover()
    {
        if (Assembly.GetEntryAssembly() is not { } entry)
        {
            return [];
        }

        var assemblies = entry.GetReferencedAssemblies().Select(Load).OfType<Assembly>().Prepend(entry);
        return assemblies.SelectMany(a => a.GetCustomAttributes<ProviderPackageAttribute>()).Select(a => a.Package);
    }

    private static Assembly? Load(AssemblyName name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
