using System.Runtime.Versioning;
using VirtCluster.Bench.Suites;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Bench.Runners;

/// <summary>
/// The repository's Debian suite cut down to sizes that finish in seconds on two busy cores: NetPIPE from
/// 1 byte to 4 KiB with a fixed repeat count and no perturbed sizes, HPCC with N = 200, vc-pingpong whole (a
/// fraction of a second on one machine), vc-jacobi on a 64 x 64 grid for 20 iterations, one repetition each.
/// Every placement and process count of the suite stays: 8 runs per environment.
/// The cut is made on the file's text, so the tests fail loudly if the suite changes under them.
/// </summary>
internal static class SmallSuites
{
    public static string DebianSuitePath { get; } = Path.Combine(TestPaths.RepoRoot, "suites", "debian.yaml");

    /// <summary>
    /// Ranks on this machine talk over loopback only: left to itself Open MPI's TCP layer uses every other interface,
    /// including the links of labs and simulated hosts that other tests create and remove meanwhile. A connection on
    /// an address removed under it stalls until TCP gives up (about 15 minutes), so a run hangs rather than fails.
    /// </summary>
    public static IReadOnlyDictionary<string, string> LoopbackOnly { get; } = new Dictionary<string, string>
    {
        ["OMPI_MCA_btl_tcp_if_include"] = "lo",
        ["OMPI_MCA_oob_tcp_if_include"] = "lo",
    };

    /// <summary>NetPIPE's command in the test suites: sizes up to 4 KiB, 100 repeats per size.</summary>
    public const string NetPipeCommand = "[\"{binary:netpipe}\", \"-u\", \"4096\", \"-n\", \"100\", \"-p\", \"0\"]";

    public static string DebianYaml()
    {
        var text = File.ReadAllText(DebianSuitePath);
        return Replace(Replace(Replace(Replace(Replace(text,
            "command: [\"{binary:netpipe}\", \"-u\", \"4194304\", \"-p\", \"0\"]", "command: " + NetPipeCommand),
            "repetitions: 2", "repetitions: 1"),
            "n: [600]", "n: [200]"),
            "nb: [60]", "nb: [40]"),
            "command: [\"{binary:jacobi}\", \"512\", \"1000\"]", "command: [\"{binary:jacobi}\", \"64\", \"20\"]");
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

    /// <summary>A program the user supplies, as a script: it says where it was started from and prints its elapsed time.</summary>
    public const string SuppliedScript = "#!/bin/sh\necho \"uploaded program $0\"\necho \"Elapsed time = 4.75\"\n";

    /// <summary>The SHA-256 of <see cref="SuppliedScript"/>, as <c>sha256sum</c> prints it.</summary>
    public const string SuppliedScriptSha256 = "97455e65469578391471d300690570bcff8afa545654ed836cf892cc5cbe7482";

    /// <summary>Writes <see cref="SuppliedScript"/> into <paramref name="directory"/>, executable, and returns its path.</summary>
    [SupportedOSPlatform("linux")]
    public static string WriteSuppliedScript(string directory)
    {
        var path = System.IO.Path.Combine(directory, "hello.sh");
        File.WriteAllText(path, SuppliedScript);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>Two programs that only the user supplies (no default path), each run once by a benchmark of its name.</summary>
    public static string SuppliedYaml() => """
        name: supplied
        description: programs the user supplies, which print their elapsed time
        binaries:
          hello: { config: "virtcluster:helloPath", description: a script the test supplies }
          absent: { config: "virtcluster:absentPath", description: a program the test names but never writes }
        benchmarks:
          hello:
            parser: regex
            pattern: { regex: 'Elapsed time\s*=\s*(?<value>[0-9]+(?:\.[0-9]+)?)', metric: time, unit: s }
            command: ["{binary:hello}"]
            placements: [none]
            sweep: { processes: [1] }
            timeout: 60s
            requires: [hello]
            metrics: [time]
          absent:
            parser: regex
            pattern: { regex: 'Elapsed time\s*=\s*(?<value>[0-9]+(?:\.[0-9]+)?)', metric: time, unit: s }
            command: ["{binary:absent}"]
            placements: [none]
            sweep: { processes: [1] }
            timeout: 60s
            requires: [absent]
            metrics: [time]
        """;

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }
}
