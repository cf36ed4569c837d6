using System.Reflection;

namespace VirtCluster.Tests;

/// <summary>
/// DESIGN.md's arrows, read from the built assemblies: infra -> VirtCluster -> {Engine, Libvirt}. The engine knows
/// no libvirt and no SSH, and the binding depends on nothing else of the project's.
/// </summary>
public sealed class LayeringTests
{
    [Fact]
    public void TheArrowsGoFromTheProgramToTheDomainAndFromTheDomainToTheEngineAndTheBinding()
    {
        Assert.Equal(["VirtCluster", "VirtCluster.Engine"], ProjectReferencesOf("VirtCluster.Infra"));
        Assert.Equal(["VirtCluster.Engine", "VirtCluster.Libvirt"], ProjectReferencesOf("VirtCluster"));
        Assert.Empty(ProjectReferencesOf("VirtCluster.Engine"));
        Assert.Empty(ProjectReferencesOf("VirtCluster.Libvirt"));
    }

    [Fact]
    public void SshIsTheDomainsBusinessAndNotTheEngines()
    {
        Assert.Contains("Renci.SshNet", ReferencesOf("VirtCluster"));
        Assert.DoesNotContain("Renci.SshNet", ReferencesOf("VirtCluster.Engine"));
    }

    private static List<string> ProjectReferencesOf(string assembly) =>
        [.. ReferencesOf(assembly).Where(name => name == "VirtCluster" || name.StartsWith("VirtCluster.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static List<string> ReferencesOf(string assembly) =>
        [.. Assembly.Load(new AssemblyName(assembly)).GetReferencedAssemblies().Select(reference => reference.Name!)];
}
