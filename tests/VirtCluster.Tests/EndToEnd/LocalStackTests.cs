using VirtCluster.Tests.LabHost;

namespace VirtCluster.Tests.EndToEnd;

/// <summary>
/// The local stack end to end: real VMs under a private libvirtd in a network namespace the run creates.
/// up (2 nodes, then the benchmark stage) -> results as stack outputs -> hostname on each node over SSH -> mpirun
/// across both -> refresh without drift -> report -> the user's key in no file -> destroy -> nothing left. Cleanup
/// also runs when a step fails (the fixture).
/// </summary>
[Collection(RealVmCollection.Name)]
public sealed class LocalStackTests(LocalStackFixture stack) : IClassFixture<LocalStackFixture>
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Short = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task TwoNodesComeUpRunMpiAcrossEachOtherAndLeaveNothingBehind()
    {
        var up = stack.Run(Long, "up", "--yes");
        Assert.True(up.Exit == 0, $"up failed ({up.Exit}):\n{up.Out}\n{up.Err}");
        Assert.Contains("14 created", up.Out, StringComparison.Ordinal);

        // The leftover check run after destroy sees the running lab: its daemon and both guests' QEMUs.
        var running = await LabLeftoverControl.AssertSeesTheRunningLabAsync(stack.Lab);
        Assert.Equal(2, running.Processes.Count(p => p.Command.StartsWith("qemu-system", StringComparison.Ordinal)));

        // The stage ran NetPIPE, HPCC and vc-pingpong (built into the image by its build step, on this machine by
        // scripts/setup) across both VMs and on this machine as bare metal; outputs are typed numbers.
        var outputs = stack.Run(Short, "stack", "output", "--json");
        Assert.True(outputs.Exit == 0, outputs.Err);
        var json = System.Text.Json.Nodes.JsonNode.Parse(outputs.Out)!;
        foreach (var environment in new[] { "tcg", "bmm" })
        {
            var netpipe = json["environments"]![environment]!["netpipe"]!;
            Assert.True(netpipe["latencyUs"]!.GetValue<double>() > 0, outputs.Out);
            Assert.True(netpipe["bandwidthBytesPerSecond"]!.GetValue<double>() > 0, outputs.Out);
            var pingpong = json["environments"]![environment]!["imb"]!;
            Assert.Equal(0, pingpong["latencyMessageSizeBytes"]!.GetValue<long>());
            Assert.True(pingpong["latencyUs"]!.GetValue<double>() > 0, outputs.Out);
            Assert.True(pingpong["bandwidthBytesPerSecond"]!.GetValue<double>() > 0, outputs.Out);
            Assert.InRange(pingpong["peakBandwidthMessageSizeBytes"]!.GetValue<long>(), 1, 4096);
        }

        Assert.True(json["ratios"]!["tcg"]!["netpipe"]!["latency"]!.GetValue<double>() > 0, outputs.Out);
        Assert.True(json["ratios"]!["tcg"]!["imb"]!["bandwidth"]!.GetValue<double>() > 0, outputs.Out);
        Assert.Equal(0, json["runs"]!["failed"]!.GetValue<int>());
        Assert.True(File.Exists(json["resultsFile"]!.GetValue<string>()));

        // NetPIPE ran through the program the stack supplies: each environment records its checksum, and the second
        // node (which the stage reaches only through the first) holds the same file.
        var supplied = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(stack.SuppliedNetPipe)));
        foreach (var environment in new[] { "tcg", "bmm" })
        {
            Assert.Equal(supplied, json["environments"]![environment]!["fingerprint"]!["binaries"]!["netpipe"]!.GetValue<string>());
        }

        var installed = stack.Run(Short, "exec", stack.Node(1), "--", "sha256sum", "/opt/virtcluster/bin/netpipe");
        Assert.True(installed.Exit == 0, installed.Err);
        Assert.Equal($"{supplied}  /opt/virtcluster/bin/netpipe", installed.Out.Trim());

        for (var k = 0; k < 2; k++)
        {
            var hostname = stack.Run(Short, "exec", stack.Node(k), "--", "hostname");
            Assert.True(hostname.Exit == 0, hostname.Err);
            Assert.Equal(stack.Node(k), hostname.Out.Trim());
        }

        var mpi = stack.Run(Short, "exec", stack.Node(0), "--",
            "mpirun", "--allow-run-as-root", "-np", "2", "--host", $"{stack.Node(0)},{stack.Node(1)}", "--mca", "btl", "tcp,self", "hostname");
        Assert.True(mpi.Exit == 0, mpi.Err);
        Assert.Equal([stack.Node(0), stack.Node(1)], mpi.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());

        var refresh = stack.Run(Short, "refresh", "--preview-only");
        Assert.True(refresh.Exit == 0, refresh.Err);
        Assert.Contains("Drift: 0 changed, 0 deleted", refresh.Out, StringComparison.Ordinal);

        // The user's key reached the nodes (exec above used it) but is in no file the run wrote, the report included:
        // not the stack file (encrypted there), the state, the logs, the results and raw outputs, the report.
        var report = stack.Run(Short, "report", "--out", Path.Combine(stack.Directory, "report"));
        Assert.True(report.Exit == 0, report.Err);
        Assert.True(File.Exists(Path.Combine(stack.Directory, "report", "report.html")));
        Assert.False(File.Exists(Path.Combine(stack.Directory, ".virtcluster", "keys", "e2e", "admin")), "a key was generated although the stack has one");
        // The first base64 line is the same for every ed25519 key (format magic, no cipher); the next ones are this key's.
        var keyLines = stack.UserKey.PrivateKey.Split('\n')[2..4];
        // Everything but the lab daemon's own folder, which holds the guests' disks (they carry only the public key).
        var labFolder = Path.Combine(stack.Directory, ".virtcluster", "lab") + Path.DirectorySeparatorChar;
        var files = Directory.GetFiles(stack.Directory, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(labFolder, StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => f.EndsWith(".clef", StringComparison.Ordinal));
        Assert.All(files, f => Assert.False(keyLines.Any(File.ReadAllText(f).Contains), $"{f} holds the private key"));

        var destroy = stack.Run(Short, "destroy", "--yes");
        Assert.True(destroy.Exit == 0, destroy.Err);
        Assert.Contains("14 deleted", destroy.Out, StringComparison.Ordinal);

        var leftovers = await stack.Lab.FindLeftoversAsync(CancellationToken.None);
        Assert.True(leftovers.IsClean, leftovers.ToString());
    }
}
