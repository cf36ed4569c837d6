using VirtCluster.Testing;

namespace VirtCluster.Tests.Setup;

/// <summary>
/// What a fresh Debian 12 machine has after scripts/setup: the listed packages, their hard dependencies, and what
/// every Debian system has (Essential, or Priority required).
/// </summary>
internal sealed class SetupProvision
{
    private static readonly Lazy<SetupProvision> Repository = new(() => new SetupProvision(ListedBySetup()));

    public SetupProvision(IReadOnlyList<string> listed)
    {
        Listed = listed;
        Closure = DebianPackages.HardDependencyClosure(listed);
        Facts = DebianPackages.Facts(ExternalPrograms.OnThisMachine.Concat(ExternalPrograms.OnNodes).Select(p => p.Package));
    }

    /// <summary>The repository's scripts/setup, computed once.</summary>
    public static SetupProvision OfRepository => Repository.Value;

    public IReadOnlyList<string> Listed { get; }

    public IReadOnlySet<string> Closure { get; }

    public IReadOnlyDictionary<string, PackageFacts> Facts { get; }

    /// <summary>The packages scripts/setup installs, as it reads them itself (<c>scripts/setup --list</c>).</summary>
    public static IReadOnlyList<string> ListedBySetup()
    {
        var (status, stdout, stderr) = DebianPackages.Run("bash", [Path.Combine(TestPaths.RepoRoot, "scripts", "setup"), "--list"]);
        Assert.True(status == 0, $"scripts/setup --list failed ({status}): {stderr}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Null when the machine has <paramref name="package"/> after setup; otherwise why it would not.</summary>
    public string? Gap(string package)
    {
        if (Listed.Contains(package) || Closure.Contains(package))
        {
            return null;
        }

        return Facts.TryGetValue(package, out var facts) && (facts.Essential || facts.Priority == "required")
            ? null
            : $"{package} is not in scripts/packages.txt, not a hard dependency of a package there (a dependency with alternatives does not count), and neither Essential nor of Priority required";
    }

    /// <summary>Null when setup provides the program's package; otherwise the failure, naming the fix.</summary>
    public string? Problem(ExternalProgram program) =>
        Gap(program.Package) is { } gap
            ? $"{program.Name} (run by {program.RunBy}) comes from the Debian package {program.Package}, which a fresh machine lacks after scripts/setup: {gap}. Fix: add {program.Package} to scripts/packages.txt."
            : null;
}
