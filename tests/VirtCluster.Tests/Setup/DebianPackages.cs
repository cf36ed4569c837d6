using System.Diagnostics;
using System.Text.RegularExpressions;

namespace VirtCluster.Tests.Setup;

/// <summary>What a package's own metadata says about whether every Debian system has it.</summary>
/// <param name="Installed">dpkg's status is "installed".</param>
/// <param name="Essential">Essential: yes (dpkg refuses to remove it; mmdebstrap's minbase is this set).</param>
/// <param name="Priority">required, important, standard, optional.</param>
internal sealed record PackageFacts(bool Installed, bool Essential, string Priority);

/// <summary>
/// Asks this machine's dpkg and apt about packages and files: who ships a file (dpkg -S), what a package hard-depends
/// on (apt-cache depends), whether it is Essential (dpkg-query). Each question is one process for all names at once.
/// </summary>
internal static partial class DebianPackages
{
    /// <summary>
    /// The packages reachable from <paramref name="roots"/> over Depends and Pre-Depends that leave apt no choice:
    /// a dependency with alternatives ("a | b") could be met by either, so neither counts, nor does a virtual package
    /// with more than one provider. Recommends and Suggests are not installed by scripts/setup, so they do not count.
    /// </summary>
    public static IReadOnlySet<string> HardDependencyClosure(IReadOnlyCollection<string> roots)
    {
        if (roots.Count == 0)
        {
            return new HashSet<string>();
        }

        var (status, stdout, stderr) = Run("apt-cache",
            ["depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances", .. roots]);
        var graph = ParseDepends(stdout);
        var unknown = roots.Where(r => !graph.ContainsKey(r)).ToList();
        Assert.True(status == 0 && unknown.Count == 0,
            $"apt-cache does not know {string.Join(", ", unknown)} (exit {status}: {stderr.Trim()}): fix the name in scripts/packages.txt, or run apt-get update once");
        return Closure(graph, roots);
    }

    /// <summary>Reads <c>apt-cache depends</c> output into package -> groups of alternatives, each with its providers.</summary>
    public static Dictionary<string, List<List<Dependency>>> ParseDepends(string output)
    {
        var graph = new Dictionary<string, List<List<Dependency>>>(StringComparer.Ordinal);
        List<List<Dependency>>? groups = null;
        List<Dependency>? open = null;
        foreach (var line in output.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] != ' ')
            {
                groups = graph.TryGetValue(line.Trim(), out var known) ? known : graph[line.Trim()] = [];
                open = null;
            }
            else if (DependsLine().Match(line) is { Success: true } dependency && groups is not null)
            {
                open ??= [];
                open.Add(new Dependency(BareName(dependency.Groups["name"].Value), []));
                if (dependency.Groups["or"].Value != "|")
                {
                    groups.Add(open);
                    open = null;
                }
            }
            else if (ProviderLine().IsMatch(line))
            {
                // Provides the dependency line just above, whether its group is still open ("a |") or closed.
                var last = open is { Count: > 0 } ? open[^1] : groups is { Count: > 0 } ? groups[^1][^1] : null;
                last?.Providers.Add(BareName(line.Trim()));
            }
        }

        return graph;
    }

    /// <summary>A name without its architecture qualifier: python3:any -> python3, &lt;perl:any&gt; -> &lt;perl&gt;.</summary>
    private static string BareName(string name) =>
        name.StartsWith('<') ? "<" + name.Trim('<', '>').Split(':')[0] + ">" : name.Split(':')[0];

    /// <summary>Follows every dependency that has exactly one way to be met.</summary>
    public static IReadOnlySet<string> Closure(Dictionary<string, List<List<Dependency>>> graph, IEnumerable<string> roots)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.TryPop(out var package))
        {
            if (!seen.Add(package))
            {
                continue;
            }

            foreach (var group in graph.GetValueOrDefault(package, []))
            {
                if (group is not [var only])
                {
                    continue;
                }

                if (!only.Name.StartsWith('<'))
                {
                    pending.Push(only.Name);
                }
                else if (only.Providers is [var provider])
                {
                    pending.Push(provider);
                }
            }
        }

        return seen;
    }

    /// <summary>Essential, priority and install status of each package dpkg knows; unknown ones are left out.</summary>
    public static IReadOnlyDictionary<string, PackageFacts> Facts(IEnumerable<string> packages)
    {
        // dpkg-query exits 1 when one name is unknown, and still prints the others.
        var (_, stdout, _) = Run("dpkg-query", ["-W", "-f=${Package}\t${Essential}\t${Priority}\t${db:Status-Status}\n", .. packages.Distinct()]);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 4)
            .ToDictionary(f => f[0], f => new PackageFacts(f[3] == "installed", f[1] == "yes", f[2]), StringComparer.Ordinal);
    }

    /// <summary>The packages shipping each of <paramref name="paths"/> (dpkg -S); paths no package ships are left out.</summary>
    public static IReadOnlyDictionary<string, string[]> Owners(IEnumerable<string> paths)
    {
        // dpkg -S exits 1 when one path is not found, and still prints the others.
        var (_, stdout, _) = Run("dpkg", ["-S", .. paths.Distinct()]);
        var owners = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // "pkg[:arch][, pkg2]: /path", or "diversion by dash from: /bin/sh", which says nothing about the owner.
            var separator = line.IndexOf(": /", StringComparison.Ordinal);
            if (separator < 0 || line.StartsWith("diversion by ", StringComparison.Ordinal))
            {
                continue;
            }

            owners[line[(separator + 2)..]] = line[..separator].Split(", ").Select(p => p.Split(':')[0]).ToArray();
        }

        return owners;
    }

    /// <summary>
    /// The paths dpkg may know a program's file by, best first: the path, its other name under usrmerge (/usr/bin and
    /// /bin are one folder, but dpkg knows only the name the package uses), then the same for the file the path
    /// finally links to (alternatives: /usr/bin/mpirun -> /etc/alternatives/mpirun -> ...).
    /// </summary>
    public static IReadOnlyList<string> NamesOf(string path)
    {
        var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return new[] { path, UsrMergeAlias(path), target, target is null ? null : UsrMergeAlias(target) }
            .OfType<string>().Distinct().ToList();
    }

    /// <summary>/usr/bin/x for /bin/x and the other way round (likewise sbin); null elsewhere.</summary>
    public static string? UsrMergeAlias(string path)
    {
        foreach (var folder in new[] { "/bin/", "/sbin/", "/lib/" })
        {
            if (path.StartsWith("/usr" + folder, StringComparison.Ordinal))
            {
                return path[4..];
            }

            if (path.StartsWith(folder, StringComparison.Ordinal))
            {
                return "/usr" + path;
            }
        }

        return null;
    }

    /// <summary>Where a program started by name is found: the first executable file of that name on PATH.</summary>
    public static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(file => File.Exists(file) && !OperatingSystem.IsWindows()
                && (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    public static (int Status, string Stdout, string Stderr) Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
    }

    [GeneratedRegex(@"^ (?<or>[ |])(?:Pre)?Depends: (?<name>\S+)$")]
    private static partial Regex DependsLine();

    [GeneratedRegex(@"^    \S+$")]
    private static partial Regex ProviderLine();
}

/// <summary>One name in a dependency; a virtual one (<c>&lt;name&gt;</c>) lists the packages that provide it.</summary>
internal sealed record Dependency(string Name, List<string> Providers);
