using System.Text.RegularExpressions;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Setup;

/// <summary>A program name written literally where the code starts a program.</summary>
/// <param name="Name">The program: a name looked up on PATH, or a path that is not in a system folder.</param>
/// <param name="File">Path relative to the repository, with '/'.</param>
/// <param name="Line">1-based line of the name.</param>
internal sealed record ProgramStart(string Name, string File, int Line)
{
    public override string ToString() => $"{Name} ({File}:{Line})";
}

/// <summary>
/// Finds the program names written literally at the places the code starts programs: the process APIs, the project's
/// runners and helpers (argv lists, <c>HostCommand</c>, <c>InNamespace</c>, mpirun defaults), the binaries of suites and
/// the argv lists of image build steps. Programs started inside shell scripts (sh -c "...", a build step's shell line) or
/// by daemons are not found: they are pinned by hand.
/// </summary>
internal static partial class ProgramStartScanner
{
    /// <summary>The folders holding code, tests and suites, relative to the repository.</summary>
    public static readonly string[] Folders = ["src", "infra", "tests", "benchmarks", "suites", "images"];

    /// <summary>This folder's tests hold program starts as examples; they are test data, not starts.</summary>
    private const string OwnFolder = "tests/VirtCluster.Tests/Setup/";

    public static IReadOnlyList<ProgramStart> ScanRepository()
    {
        var root = TestPaths.RepoRoot;
        return Folders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".yaml", StringComparison.Ordinal))
            .Where(file => !file.Contains("/bin/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal))
            .Where(file => !file.StartsWith(OwnFolder, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(file => ScanText(File.ReadAllText(Path.Combine(root, file)), file))
            .ToList();
    }

    public static IReadOnlyList<ProgramStart> ScanText(string text, string file)
    {
        var found = new List<Match>();
        foreach (var pattern in (Regex[])[ProcessApi(), HostCommandRun(), TestHelperRun(), ArgvList(), InNamespace(), MpirunDefault(), ShellQuoteJoin(), ProgramPathConstant(), SuiteBinaryDefault(), SuiteCommand(), ImageBuildRun()])
        {
            found.AddRange(pattern.Matches(text));
        }

        // A bare Run("x") or RunAsync("x") is a local helper; it starts x only in a file that starts processes.
        if (StartsProcesses().IsMatch(text))
        {
            found.AddRange(LocalHelperRun().Matches(text));
        }

        // Argv arrays kept in fields and handed to a runner by name (ShellHostProbe).
        foreach (var field in ArgvFieldUse().Matches(text).Select(m => m.Groups["field"].Value).Distinct())
        {
            found.AddRange(new Regex($@"\b{field}\s*=\s*\[\s*""(?<p>[^""]+)""").Matches(text));
        }

        return found
            .Select(m => new ProgramStart(NameOf(m.Groups["p"].Value), file, 1 + text.AsSpan(0, m.Groups["p"].Index).Count('\n')))
            .DistinctBy(s => (s.Name, s.Line))
            .OrderBy(s => s.Line)
            .ToList();
    }

    /// <summary>/usr/bin/x, /bin/x, /usr/sbin/x and /sbin/x are x found on PATH; other paths stay whole.</summary>
    private static string NameOf(string program) => SystemFolder().Match(program) is { Success: true } m ? m.Groups["name"].Value : program;

    [GeneratedRegex(@"(?:ProcessStartInfo|Process\.Start)\(\s*""(?<p>[^""]+)""")]
    private static partial Regex ProcessApi();

    [GeneratedRegex(@"HostCommand\.Run\w*\(\s*""(?<p>[^""]+)""")]
    private static partial Regex HostCommandRun();

    [GeneratedRegex(@"(?:(?:ProgramRun|Virsh)\.Run|(?<![\w.])ProgramRun)\(\s*""(?<p>[^""]+)""")]
    private static partial Regex TestHelperRun();

    [GeneratedRegex(@"(?:Run|Output)Async\(\s*\[\s*""(?<p>[^""]+)""")]
    private static partial Regex ArgvList();

    [GeneratedRegex(@"InNamespace\(\s*""(?<p>[^""]+)""")]
    private static partial Regex InNamespace();

    [GeneratedRegex(@"\bMpirun\b[^;\n]*?=\s*""(?<p>[^""]+)""")]
    private static partial Regex MpirunDefault();

    [GeneratedRegex(@"ShellQuote\.Join\(\s*\[\s*""(?<p>[^""]+)""")]
    private static partial Regex ShellQuoteJoin();

    [GeneratedRegex(@"const string \w+ = ""(?<p>/(?:usr/)?s?bin/[^""]+)""")]
    private static partial Regex ProgramPathConstant();

    [GeneratedRegex(@"default:\s*""?(?<p>/[^\s"",}]+)")]
    private static partial Regex SuiteBinaryDefault();

    [GeneratedRegex(@"command:\s*\[\s*""(?<p>[^""{][^""]*)""")]
    private static partial Regex SuiteCommand();

    [GeneratedRegex(@"\brun:\s*\[\s*""?(?<p>[^\s"",\]]+)")]
    private static partial Regex ImageBuildRun();

    [GeneratedRegex(@"(?<![\w.])(?:Run|RunAsync)\(\s*""(?<p>[^""]+)""")]
    private static partial Regex LocalHelperRun();

    [GeneratedRegex(@"ProcessStartInfo|Process\.Start\(|\.RunAsync\(argv")]
    private static partial Regex StartsProcesses();

    [GeneratedRegex(@"(?:Run|Output)Async\(\s*(?<field>[A-Z]\w*)\s*,")]
    private static partial Regex ArgvFieldUse();

    [GeneratedRegex(@"^/(?:usr/)?s?bin/(?<name>[^/]+)$")]
    private static partial Regex SystemFolder();
}
