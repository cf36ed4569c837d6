using System.Diagnostics;
using System.Runtime.Versioning;
using Xunit.Abstractions;
using System.Text.Json.Nodes;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.LabHost;
using VirtCluster.Report;
using VirtCluster.Testing;
using VirtCluster.Tests.LabHost;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.EndToEnd;

/// <summary>
/// The README's main command, exactly as written (<c>./virtcluster up --stack local --yes</c>), in a fresh copy of
/// the checkout (the files git tracks, nothing built, no state) with an empty image cache: the launcher builds the
/// program, the run builds the node image, stands up two simulated hosts and uploads the image to each, boots one
/// node on each and runs the benchmark stage across hosts (in the VMs and on the hosts), in one run.
/// Then the outputs, <c>exec</c> on each node, and <c>destroy</c> leaving nothing.
/// </summary>
[Collection(RealVmCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class ReadmeMainJobTests(ITestOutputHelper log) : IDisposable
{
    private const string Namespace = "vc-local";
    private static readonly string[] Nodes = ["local-sim01", "local-sim02"];
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(25);
    private static readonly TimeSpan Short = TimeSpan.FromMinutes(3);

    private readonly string _clone = Directory.CreateTempSubdirectory("vc-readme-").FullName;
    private readonly string _cache = EmptyImageCache.Create();

    [Fact]
    public async Task TheMainCommandSucceedsInOneRunFromAFreshCloneWithAnEmptyImageCache()
    {
        // The local stack's namespaces are fixed: a local stack the user has up on this machine would be taken over.
        Assert.False(File.Exists($"/run/netns/{Namespace}-fabric"), $"the local stack is up on this machine (namespace {Namespace}-fabric); run './virtcluster destroy --stack local --yes' first");
        CopyCheckout(TestPaths.RepoRoot, _clone);
        Assert.False(File.Exists(Path.Combine(_clone, "infra", "bin", "Release", "net10.0", "VirtCluster.Infra.dll")));
        Assert.Empty(Directory.GetFileSystemEntries(_cache));

        var clock = Stopwatch.StartNew();
        var up = Run(Long, "./virtcluster up --stack local --yes");
        log.WriteLine($"./virtcluster up --stack local --yes: exit {up.Exit} in {clock.Elapsed.TotalSeconds:F0} s");
        log.WriteLine(up.Out);

        Assert.True(up.Exit == 0, $"the README's main command failed ({up.Exit}):\n{up.Out}\n{up.Err}");
        Assert.Contains("virtcluster: building (first run or sources changed)", up.Err, StringComparison.Ordinal);
        Assert.Contains("24 created", up.Out, StringComparison.Ordinal);
        var images = Path.Combine(_cache, "virtcluster", "images");
        var built = Assert.Single(Directory.GetDirectories(images), d => !Path.GetFileName(d).StartsWith('.'));
        Assert.True(new FileInfo(Path.Combine(built, "image.qcow2")).Length > 100 << 20, "the image in the cache is not a disk");

        var outputs = Run(Short, "./virtcluster stack output --stack local --json");
        Assert.True(outputs.Exit == 0, outputs.Err);
        var json = JsonNode.Parse(outputs.Out)!;
        Assert.Equal(2, json["nodes"]!.AsArray().Count);
        foreach (var environment in new[] { "tcg", "bmm" })
        {
            Assert.True(json["environments"]![environment]!["netpipe"]!["latencyUs"]!.GetValue<double>() > 0, outputs.Out);
        }

        Assert.Equal(0, json["runs"]!["failed"]!.GetValue<int>());
        Assert.Contains("simulated hosts", outputs.Out, StringComparison.Ordinal);
        foreach (var node in Nodes)
        {
            var hostname = Run(Short, $"./virtcluster exec --stack local {node} -- hostname");
            Assert.True(hostname.Exit == 0, hostname.Err);
            Assert.Equal(node, hostname.Out.Trim());
        }

        var report = Run(Short, "./virtcluster report --stack local --out report");
        Assert.True(report.Exit == 0, report.Err);
        log.WriteLine(report.Out);
        var results = Assert.Single(Directory.GetFiles(Path.Combine(_clone, "report", ReportCommand.ResultsDirectoryName), "*.json"));
        AssertEverySectionHasTheVmsBesideBareMetal(ReportModelBuilder.Build([ResultsJson.Read(results)]));
        Assert.True(File.Exists(Path.Combine(_clone, "report", "report.html")));

        clock.Restart();
        var destroy = Run(Short, "./virtcluster destroy --stack local --yes");
        log.WriteLine($"./virtcluster destroy --stack local --yes: exit {destroy.Exit} in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(destroy.Exit == 0, destroy.Err);
        Assert.Contains("24 deleted", destroy.Out, StringComparison.Ordinal);
        foreach (var host in Hosts)
        {
            var leftovers = await new SimulatedHost(host).FindLeftoversAsync(CancellationToken.None);
            Assert.True(leftovers.IsClean, $"{host.Name}: {leftovers}");
        }

        Assert.False(File.Exists($"/run/netns/{Namespace}-fabric"));
    }

    /// <summary>
    /// Every section of the report has numbers for the VMs (tcg) and for the simulated hosts as bare metal (bmm): latency
    /// on one node and across two, throughput curves at both placements, single-node overhead of vc-jacobi's time and
    /// HPL's rate against bare metal, and vc-jacobi's parallel efficiency on one node and two.
    /// </summary>
    private static void AssertEverySectionHasTheVmsBesideBareMetal(ReportModel model)
    {
        string[] environments = ["bmm", "tcg"];
        Placement[] placements = [Placement.IntraSocket, Placement.InterNode];
        Assert.Empty(model.FailedRuns);

        Assert.Equal(["IMB PingPong, 0-byte messages", "NetPIPE, 1-byte messages"], model.Latency.Select(s => s.Title));
        foreach (var section in model.Latency)
        {
            Assert.Equal(environments, section.Rows.Select(r => r.Environment).Order(StringComparer.Ordinal));
            Assert.All(section.Rows, row => Assert.Equal(placements, row.LatencyUs.Keys.Order()));
            Assert.All(section.Rows, row => Assert.All(row.LatencyUs.Values, latency => Assert.True(latency > 0, $"{section.Title}: {row}")));
        }

        Assert.Equal(["IMB PingPong", "NetPIPE"], model.Throughput.Select(s => s.Title));
        foreach (var section in model.Throughput)
        {
            Assert.Equal(
                environments.SelectMany(e => placements.Select(p => (e, p))),
                section.Series.Select(s => (s.Environment, s.Placement)).Order());
            // vc-pingpong runs to 256 bytes (nine sizes with a bandwidth), NetPIPE to 4 MiB.
            Assert.All(section.Series, series => Assert.True(series.Points.Count >= 9 && series.Points.All(p => p.BytesPerSecond >= 0), $"{section.Title}: {series.Environment} {series.Placement}: {series.Points.Count} points"));
        }

        var overhead = Assert.Single(model.Overhead);
        Assert.Equal("bmm", overhead.Source.Baseline);
        Assert.Equal([("HPCC HPL", "tcg"), ("jacobi", "tcg")], overhead.Rows.Select(r => (r.Benchmark, r.Environment)).Order());
        Assert.All(overhead.Rows, row => Assert.True(row.Value > 0 && row.Baseline > 0, row.ToString()));

        var efficiency = Assert.Single(model.Efficiency);
        Assert.Equal("jacobi", efficiency.Benchmark);
        Assert.Equal(environments, efficiency.Series.Select(s => s.Environment).Order(StringComparer.Ordinal));
        Assert.All(efficiency.Series, series => Assert.Equal([1, 2], series.Points.Select(p => p.Processes)));
        Assert.All(efficiency.Series, series => Assert.Equal(1.0, series.Points[0].Efficiency));
        Assert.All(efficiency.Series, series => Assert.True(series.Points[1].Efficiency > 0, series.ToString()));
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(Path.Combine(_clone, "infra", "bin", "Release", "net10.0", "VirtCluster.Infra.dll")))
            {
                Run(Short, "./virtcluster destroy --stack local --yes --force-unlock");
            }
        }
        finally
        {
            // Last resort after a failed destroy: each simulated host knows its own processes, links and namespace.
            foreach (var host in Hosts)
            {
                new SimulatedHost(host).StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            new SimulatedFabric(Namespace + "-fabric").StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            Directory.Delete(_clone, recursive: true);
            EmptyImageCache.Remove(_cache);
        }
    }

    private IReadOnlyList<SimulatedHostLayout> Hosts
    {
        get
        {
            var spec = Config.StackFixture.LoadSpec(TestPaths.RepoRoot, "local");
            return new FleetLayout("local", spec.Lab!, spec.Network, Path.Combine(_clone, ".virtcluster")).Hosts;
        }
    }

    /// <summary>Runs a command line in the copy as a user's shell does, with the empty cache and no backend override.</summary>
    private (int Exit, string Out, string Err) Run(TimeSpan timeout, string commandLine)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _clone,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        start.Environment["XDG_CACHE_HOME"] = _cache;
        start.Environment.Remove("VIRTCLUSTER_BACKEND");
        start.Environment.Remove("VIRTCLUSTER_CONFIG_PASSPHRASE");
        return new RunningVerb(Process.Start(start)!).Wait(timeout);
    }

    /// <summary>Copies what a clone holds: the files git tracks (as they are in the work tree), nothing built or ignored.</summary>
    private static void CopyCheckout(string from, string to)
    {
        var files = ProgramRun.Run("git", "-C", from, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        Assert.True(files.ExitCode == 0, files.Output);
        foreach (var relative in files.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(from, relative);
            if (!File.Exists(source))
            {
                continue; // deleted in the work tree, not yet committed
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(source));
        }
    }
}
