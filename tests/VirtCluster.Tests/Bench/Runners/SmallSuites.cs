using VirtCluster.Bench.Suites;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Bench.Runners;

/// <summary>
/// The repository's Debian suite cut down to sizes that finish in seconds on two busy cores: NetPIPE from
/// 1 byte to 4 KiB with a fixed repeat count and no perturbed sizes, HPCC with N = 200, vc-pingpong whole (a
/// fraction of a second on one machine), one repetition each.
/// The cut is made on the file's text, so the tests fail loudly if the suite changes under them.
/// </summary>
internal static class SmallSuites
{
    public static string DebianSuitePath { get; } = Path.Combine(TestPaths.RepoRoot, "suites", "debian.yaml");

    /// <summary>NetPIPE's command in the test suites: sizes up to 4 KiB, 100 repeats per size.</summary>
    public const string NetPipeCommand = "[\"{binary:netpipe}\", \"-u\", \"4096\", \"-n\", \"100\", \"-p\", \"0\"]";

    public static string DebianYaml()
    {
        var text = File.ReadAllText(DebianSuitePath);
        return Replace(Replace(Replace(Replace(text,
            "command: [\"{binary:netpipe}\", \"-u\", \"4194304\"]", "command: " + NetPipeCommand),
            "repetitions: 2", "repetitions: 1"),
            "n: [1000]", "n: [200]"),
            "nb: [80]", "nb: [40]");
    }

    /// <summary>Writes <paramref name="yaml"/> into <paramref name="directory"/> and loads it as the runner would.</summary>
    public static (string Path, SuiteDefinition Suite) Write(string directory, string yaml, string name = "suite.yaml")
    {
        var path = System.IO.Path.Combine(directory, name);
        File.WriteAllText(path, yaml);
        return (path, SuiteLoader.Load(path));
    }

    /// <summary>
    /// A suite of programs that fail in known ways, next to a tiny NetPIPE run that must still succeed:
    /// one exits 1, one outlives its 2 s timeout.
    /// </summary>
    public static string FailingYaml() => $$"""
        name: failing
        binaries:
          netpipe: { config: "virtcluster:netpipePath", default: /usr/bin/NPopenmpi, description: NPopenmpi }
          fail: { config: "virtcluster:failPath", default: /bin/false, description: exits with status 1 }
          wait: { config: "virtcluster:waitPath", default: /bin/sleep, description: waits }
        benchmarks:
          exits-one:
            parser: netpipe
            command: ["{binary:fail}"]
            placements: [none]
            sweep: { processes: [1] }
            timeout: 60s
            requires: [fail]
            metrics: [latency]
          too-slow:
            parser: netpipe
            command: ["{binary:wait}", "60"]
            placements: [none]
            sweep: { processes: [1] }
            timeout: 2s
            requires: [wait]
            metrics: [latency]
          netpipe:
            parser: netpipe
            command: {{NetPipeCommand}}
            placements: [inter-node]
            sweep: { processes: [2] }
            timeout: 60s
            requires: [netpipe]
            metrics: [latency, bandwidth]
        """;

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }
}
