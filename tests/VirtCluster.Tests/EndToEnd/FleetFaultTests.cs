using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using VirtCluster.LabHost;
using VirtCluster.Tests.Support;
using Xunit.Abstractions;

namespace VirtCluster.Tests.EndToEnd;

/// <summary>
/// Faults on a fleet of two simulated hosts (one node each; real VMs, each host with its own sshd and libvirtd reached
/// over SSH and qemu+libssh), one stack carried through all of them: the tool killed with SIGKILL while it uploads a
/// host's base image, a host's sshd killed while the next run uploads the image again, and a host unreachable during
/// <c>destroy</c>. After each, the next run settles and carries on; nothing is lost or leaked.
/// </summary>
[Collection(RealVmCollection.Name)]
public sealed class FleetFaultTests(ITestOutputHelper output)
{
    private const int Killed = 137;
    private const long UnderWay = 64L << 20;
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(6); // each run takes about a minute; a hang fails in time
    private static readonly TimeSpan Short = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task AnUploadKilledASshdKilledAndAnUnreachableHostAtDestroyEachSettleOnTheNextRunAndLeaveNothing()
    {
        using var project = new LabProject("faults", nodes: 2, hosts: 2);
        var running = new List<RunningVerb>();
        try
        {
            await FaultsAsync(project, running);
        }
        finally
        {
            // A failed check must not leave a run going while the project is destroyed and removed.
            running.ForEach(verb => verb.Kill());
        }
    }

    private async Task FaultsAsync(LabProject project, List<RunningVerb> running)
    {
        var first = new SimulatedHost(project.HostLayouts[0]);
        var second = new SimulatedHost(project.HostLayouts[1]);
        var clock = Stopwatch.StartNew();

        // 1. The tool killed with SIGKILL while it streams the image into the second host's pool.
        var up = project.Start(new Dictionary<string, string>(), "up", "--yes");
        running.Add(up);
        await WaitForRecordsAsync(project, "sim02-base", 1);
        var partial = await WaitForUploadAsync(second, 0);
        Assert.Equal(0, ProgramRun.Run("kill", "-KILL", up.Pid.ToString()).ExitCode);
        var killed = up.Wait(Short);
        Assert.True(killed.Exit == Killed, $"expected SIGKILL ({killed.Exit}):\n{killed.Out}\n{killed.Err}");
        var image = ImageOf(project, partial);
        var cut = new FileInfo(partial).Length;
        Assert.True(cut > 0 && cut < new FileInfo(image).Length, $"the kill did not land mid-upload: {cut} of {new FileInfo(image).Length} bytes");
        Assert.Contains(Pending(project), p => p.EndsWith("::sim02-base", StringComparison.Ordinal));
        output.WriteLine($"up killed mid-upload at {cut >> 20} MiB after {clock.Elapsed:mm\\:ss}");

        // 2. The next run (taking the killed run's lock) settles the half-written volume and uploads it again; while
        // it does, the second host's sshd is killed. The run brings sshd back before it needs it and completes.
        clock.Restart();
        var records = Records(project, "sim02-base");
        var again = project.Start(new Dictionary<string, string>(), "up", "--yes", "--force-unlock");
        running.Add(again);
        await WaitForRecordsAsync(project, "sim02-base", records + 2); // the killed create cleared, a new one pending
        await WaitForUploadAsync(second, cut);
        var sshd = second.SshdPid();
        Assert.NotNull(sshd);
        Assert.Equal(0, ProgramRun.Run("kill", "-KILL", sshd.Value.ToString()).ExitCode);
        await WaitUntilAsync(() => second.SshdPid() is null);
        var settled = again.Wait(Long);
        Assert.True(settled.Exit == 0, $"the up after the kills failed ({settled.Exit}):\n{settled.Out}\n{settled.Err}");
        Assert.Contains("sim02: sshd was not running; restarting it", settled.Out + settled.Err);
        Assert.DoesNotContain("already exists", settled.Out + settled.Err);
        Assert.NotNull(second.SshdPid());
        Assert.NotEqual(sshd, second.SshdPid());
        output.WriteLine($"the next up settled in {clock.Elapsed:mm\\:ss}");

        // Each host holds one complete copy of the image (the same bytes), and its node booted from it and answers.
        var digest = Sha256(image);
        foreach (var host in project.HostLayouts)
        {
            var volume = Assert.Single(Directory.GetFiles(Pool(host), "base-*.qcow2"));
            Assert.Equal(new FileInfo(image).Length, new FileInfo(volume).Length);
            Assert.Equal(digest, Sha256(volume));
        }

        for (var k = 0; k < 2; k++)
        {
            Assert.Equal(project.Node(k), Exec(project, k, "hostname"));
        }

        Assert.Empty(Pending(project));
        var steady = project.Run(Short, "up", "--yes");
        Assert.True(steady.Exit == 0, $"a further up failed ({steady.Exit}):\n{steady.Out}\n{steady.Err}");
        Assert.True(steady.Out.Contains("0 created, 0 updated, 0 replaced, 0 deleted", StringComparison.Ordinal), steady.Out);

        // 3. The second host unreachable (its management link down, as a host powered off or cut from the network
        // looks from here) during destroy: destroy fails naming it, deletes everything on the first host, and keeps
        // every resource of the second in the state, its guest still running.
        clock.Restart();
        var qemu = Qemu(project.HostLayouts[1]);
        Assert.NotEmpty(qemu);
        Assert.NotEmpty(Qemu(project.HostLayouts[0])); // the control for the first host's check after destroy
        SetManagementLink(second, "down");
        var recorded = Urns(project);
        var partialDestroy = project.Run(Short, "destroy", "--yes");
        output.WriteLine($"destroy with sim02 unreachable took {clock.Elapsed:mm\\:ss}:\n{partialDestroy.Err}");
        Assert.True(partialDestroy.Exit == 1, $"destroy should fail ({partialDestroy.Exit}):\n{partialDestroy.Out}\n{partialDestroy.Err}");
        Assert.Contains("sim02: cannot reach libvirt at qemu+libssh://root@" + project.HostLayouts[1].Address, partialDestroy.Err);
        var left = Urns(project);
        Assert.DoesNotContain(left, u => u.Contains("sim01", StringComparison.Ordinal));
        Assert.Contains(recorded, u => u.Contains("sim01", StringComparison.Ordinal));
        foreach (var urn in recorded.Where(u => u.Contains("sim02", StringComparison.Ordinal)))
        {
            Assert.Contains(urn, left);
        }

        Assert.Contains(left, u => u.EndsWith("::" + project.Fabric, StringComparison.Ordinal));

        // The deletes that failed stay pending beside their resources: the next run reads them back from the host.
        var pending = Pending(project);
        Assert.NotEmpty(pending);
        Assert.All(pending, urn => Assert.Contains(urn, recorded.Where(u => u.Contains("sim02", StringComparison.Ordinal))));
        var firstLeft = await first.FindLeftoversAsync(CancellationToken.None);
        Assert.True(firstLeft.IsClean, $"sim01: {firstLeft}");
        Assert.Empty(Qemu(project.HostLayouts[0]));
        Assert.Equal(qemu, Qemu(project.HostLayouts[1]));
        Assert.True(second.IsRunning);

        // Reachable again: destroy removes the rest, and nothing is left of either host or the fabric.
        clock.Restart();
        SetManagementLink(second, "up");
        var destroy = project.Run(Short, "destroy", "--yes");
        Assert.True(destroy.Exit == 0, $"destroy failed ({destroy.Exit}):\n{destroy.Out}\n{destroy.Err}");
        output.WriteLine($"the last destroy took {clock.Elapsed:mm\\:ss}");
        Assert.Empty(Urns(project));
        foreach (var host in project.HostLayouts)
        {
            var leftovers = await new SimulatedHost(host).FindLeftoversAsync(CancellationToken.None);
            Assert.True(leftovers.IsClean, $"{host.Name}: {leftovers}");
            Assert.Empty(Qemu(host));
        }

        Assert.False(new SimulatedFabric(project.Fabric).Exists);
    }

    private static string Pool(SimulatedHostLayout host) => Directory.GetDirectories(Path.Combine(host.StateDirectory, "lib", "images")).Single();

    /// <summary>Waits until the host's base volume holds more than <paramref name="beyond"/> bytes and 64 MiB; returns its path.</summary>
    private static async Task<string> WaitForUploadAsync(SimulatedHost host, long beyond)
    {
        var deadline = DateTime.UtcNow + Long;
        while (true)
        {
            var images = Path.Combine(host.Layout.StateDirectory, "lib", "images");
            var volume = Directory.Exists(images) ? Directory.GetFiles(images, "base-*.qcow2", SearchOption.AllDirectories).FirstOrDefault() : null;
            if (volume is not null && File.Exists(volume) && new FileInfo(volume).Length is var length && length > UnderWay && length != beyond)
            {
                return volume;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{host.Layout.Name}: no upload under way");
            await Task.Delay(20);
        }
    }

    /// <summary>The image in the cache that the base volume <paramref name="volume"/> is named after.</summary>
    private static string ImageOf(LabProject project, string volume)
    {
        var key = Path.GetFileNameWithoutExtension(volume)["base-".Length..];
        var folder = Directory.GetDirectories(Path.Combine(project.ImageCache, "virtcluster", "images"), key + "*").Single();
        return Path.Combine(folder, "image.qcow2");
    }

    /// <summary>How many journal records (pending, cleared, committed) name the resource <paramref name="name"/>.</summary>
    private static int Records(LabProject project, string name) =>
        ReadShared(project.Journal).Split('\n').Count(line => line.Contains($"::{name}\"", StringComparison.Ordinal));

    private static async Task WaitForRecordsAsync(LabProject project, string name, int count)
    {
        var deadline = DateTime.UtcNow + Long;
        while (Records(project, name) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {count} records of {name} in {project.Journal}");
            await Task.Delay(20);
        }
    }

    private static JsonNode State(LabProject project) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(project.Directory, ".virtcluster", "stacks", project.Stack + ".json")))!;

    /// <summary>The URNs recorded in the checkpoint (read after a run that ended and wrote it).</summary>
    private static List<string> Urns(LabProject project) =>
        [.. State(project)["resources"]!.AsArray().Select(r => r!["urn"]!.GetValue<string>())];

    /// <summary>Pending operations: from the checkpoint, and from the journal while no checkpoint has taken it in.</summary>
    private static List<string> Pending(LabProject project)
    {
        var pending = new HashSet<string>(StringComparer.Ordinal);
        var checkpoint = Path.Combine(project.Directory, ".virtcluster", "stacks", project.Stack + ".json");
        if (File.Exists(checkpoint))
        {
            foreach (var p in State(project)["pending"]!.AsArray())
            {
                pending.Add(p!["resource"]!["urn"]!.GetValue<string>());
            }
        }

        foreach (var line in ReadShared(project.Journal).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            JsonNode record;
            try
            {
                record = JsonNode.Parse(line)!;
            }
            catch (System.Text.Json.JsonException)
            {
                continue; // a line torn by the kill
            }

            switch (record["op"]?.GetValue<string>())
            {
                case "pending":
                    pending.Add(record["operation"]!["resource"]!["urn"]!.GetValue<string>());
                    break;
                case "clear":
                case "remove":
                    pending.Remove(record["urn"]!.GetValue<string>());
                    break;
                case "commit":
                    pending.Remove(record["resource"]!["urn"]!.GetValue<string>());
                    break;
            }
        }

        return [.. pending];
    }

    private static string ReadShared(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(stream).ReadToEnd();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return "";
        }
    }

    /// <summary>The QEMU processes in the host's namespace.</summary>
    private static List<int> Qemu(SimulatedHostLayout host)
    {
        var run = ProgramRun.Run("ip", "netns", "pids", host.Namespace);
        return run.ExitCode != 0 ? [] : [.. run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Where(pid => LabProcesses.CommandOf(pid).StartsWith("qemu", StringComparison.Ordinal)).Order()];
    }

    private static void SetManagementLink(SimulatedHost host, string state)
    {
        var run = ProgramRun.Run("ip", "-n", host.Layout.Namespace, "link", "set", SimulatedHost.ManagementLink, state);
        Assert.True(run.ExitCode == 0, run.Output);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    private static string Exec(LabProject project, int node, params string[] command)
    {
        var run = project.Run(Short, ["exec", project.Node(node), "--", .. command]);
        Assert.True(run.Exit == 0, $"exec on {project.Node(node)} failed ({run.Exit}): {run.Err}");
        return run.Out.Trim();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(50);
        }
    }
}
