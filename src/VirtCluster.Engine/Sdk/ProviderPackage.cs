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
    IReadOnlyList<Command> Commands { get; }
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
        var types = settings.Packages.Concat(Discover()).Distinct();
        _packages = [.. types.Select(t => (IProviderPackage)(Activator.CreateInstance(t)
            ?? throw new InvalidOperationException($"provider package {t} could not be created")))];
    }

    public IReadOnlyList<Command> Commands => [.. _packages.SelectMany(p => p.Commands)];

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
