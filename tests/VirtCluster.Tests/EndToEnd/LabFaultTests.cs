using System.Text.Json.Nodes;
using VirtCluster.Tests.LabHost;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.EndToEnd;

/// <summary>
/// Faults during real runs of a one-node lab stack (real VM, the lab's own libvirtd, the program as a child process):
/// a node that does not boot in time, the lab's libvirtd killed during <c>up</c>, Ctrl-C while a node boots and during
/// <c>destroy</c>, and <c>destroy</c> killed after its k-th durable step. After each, the next run converges and a
/// final <c>destroy</c> leaves nothing on the machine.
/// </summary>
[Collection(RealVmCollection.Name)]
public sealed class LabFaultTests
{
    private const int Interrupted = 130;
    private const int Killed = 137;
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Short = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ANodeThatDoesNotAnswerWithinItsBootTimeoutFailsUpNamingItAndDestroyRemovesIt()
    {
        using var project = new LabProject("boot", nodes: 1, labConfig: "    bootTimeout: 2s");

        var up = project.Run(Long, "up", "--yes");

        Assert.True(up.Exit == 1, $"up should fail ({up.Exit}):\n{up.Out}\n{up.Err}");
        Assert.Contains($"{project.Node(0)}: no host key on its console within 2 s; the guest did not finish booting (see ", up.Err);
        Assert.Contains("1 resource(s) not attempted because of the failure", up.Err);
        await LabLeftoverControl.AssertSeesTheRunningLabAsync(project.Lab); // the lab stays for destroy to remove

        await AssertDestroyLeavesNothingAsync(project);
    }

    [Fact]
    public async Task LibvirtdKilledDuringUpFailsNamingItsUriAndTheNextRunRestartsItKeepingTheGuests()
    {
        using var project = new LabProject("kill", nodes: 1);

        // Kill the lab's daemon while it starts the network, then (on the next run) while the base image streams
        // into it: each run fails naming the daemon, and leaves something half done for the next to settle.
        foreach (var resource in new[] { "local-net", "local-base" })
        {
            var up = project.Start(new Dictionary<string, string>(), "up", "--yes");
            await WaitForPendingAsync(project, resource);
            KillLabDaemon(project);
            var failed = up.Wait(Long);

            Assert.True(failed.Exit == 1, $"up should fail when libvirtd dies during {resource} ({failed.Exit}):\n{failed.Out}\n{failed.Err}");
            // Killed after the run connected, the connection is lost; killed as it connects, the daemon cannot be reached.
            var uri = project.Lab.ConnectionUri;
            Assert.True(
                failed.Err.Contains($"lost the connection to libvirt at {uri}", StringComparison.Ordinal)
                    || failed.Err.Contains($": cannot reach libvirt at {uri}", StringComparison.Ordinal),
                $"the error does not name the daemon at {uri}:\n{failed.Err}");
        }

        var again = project.Run(Long, "up", "--yes");
        Assert.True(again.Exit == 0, $"the next up failed ({again.Exit}):\n{again.Out}\n{again.Err}");
        Assert.Contains("libvirtd was not running; restarting it on the lab's state", again.Out + again.Err);
        await LabLeftoverControl.AssertSeesTheRunningLabAsync(project.Lab);
        var bootId = BootId(project);

        // Killed again with the guest running: the guest carries on, and reading the stack brings the daemon back.
        KillLabDaemon(project);
        var refresh = project.Run(Short, "refresh", "--preview-only");
        Assert.True(refresh.Exit == 0, refresh.Err);
        Assert.Contains("Drift: 0 changed, 0 deleted", refresh.Out);
        Assert.Equal(bootId, BootId(project));

        await AssertDestroyLeavesNothingAsync(project);
    }

    [Fact]
    public async Task CtrlCWhileANodeBootsAndDuringDestroyStopsCleanlyAndTheNextRunsConverge()
    {
        using var project = new LabProject("ctrlc", nodes: 1);

        var up = project.Start(new Dictionary<string, string>(), "up", "--yes");
        await WaitForPendingAsync(project, project.Node(0));
        await Task.Delay(TimeSpan.FromSeconds(3)); // the guest is booting; up waits for it
        Assert.Equal(0, ProgramRun.Run("kill", "-INT", up.Pid.ToString()).ExitCode);
        var interrupted = up.Wait(Short);

        Assert.True(interrupted.Exit == Interrupted, $"expected 130 ({interrupted.Exit}):\n{interrupted.Out}\n{interrupted.Err}");
        Assert.Contains($"{project.Node(0)} failed: interrupted before it finished", interrupted.Err);
        Assert.Contains("interrupted: stopped cleanly", interrupted.Err);
        Assert.False(File.Exists(project.LockFile), "the interrupted run left its lock");

        var converged = project.Run(Long, "up", "--yes");
        Assert.True(converged.Exit == 0, $"the next up failed ({converged.Exit}):\n{converged.Out}\n{converged.Err}");
        Assert.Contains("1 updated", converged.Out); // the node, waited for in place rather than created twice
        await LabLeftoverControl.AssertSeesTheRunningLabAsync(project.Lab);
        Assert.Equal(project.Node(0), Exec(project, "hostname"));

        // Ctrl-C during destroy, right after its fourth durable step (the hook sends the real signal).
        var destroy = project.Start(new Dictionary<string, string> { ["VIRTCLUSTER_TEST_INTERRUPT_AFTER_STEP"] = "4" }, "destroy", "--yes")
            .Wait(Short);
        Assert.True(destroy.Exit == Interrupted, $"expected 130 ({destroy.Exit}):\n{destroy.Out}\n{destroy.Err}");
        Assert.Contains("not attempted because the run was interrupted", destroy.Err);
        Assert.False(File.Exists(project.LockFile), "the interrupted run left its lock");

        await AssertDestroyLeavesNothingAsync(project);
    }

    [Fact]
    public async Task DestroyKilledAfterItsKthStepOnSuccessiveRunsConvergesAndLeavesNothing()
    {
        using var project = new LabProject("sigkill", nodes: 1);
        var up = project.Run(Long, "up", "--yes");
        Assert.True(up.Exit == 0, $"up failed ({up.Exit}):\n{up.Out}\n{up.Err}");
        await LabLeftoverControl.AssertSeesTheRunningLabAsync(project.Lab);

        // Run k is killed with SIGKILL after its k-th durable step, so the kill lands at a different point of the
        // teardown each time: before or after a provider call, in the middle of stopping the lab itself.
        var killed = 0;
        for (var k = 1; ; k++)
        {
            Assert.True(k <= 40, "destroy never finished");
            var run = project.Start(new Dictionary<string, string> { ["VIRTCLUSTER_TEST_CRASH_AFTER_STEP"] = k.ToString() }, "destroy", "--yes", "--force-unlock")
                .Wait(Short);
            if (run.Exit == 0)
            {
                break;
            }

            Assert.True(run.Exit == Killed, $"destroy run {k}: expected SIGKILL ({run.Exit}):\n{run.Out}\n{run.Err}");
            killed++;
        }

        Assert.True(killed >= 5, $"only {killed} runs were killed");
        var state = JsonNode.Parse(File.ReadAllText(Path.Combine(project.Directory, ".virtcluster", "stacks", project.Stack + ".json")))!;
        Assert.Empty(state["resources"]!.AsArray());
        Assert.Empty(state["pending"]!.AsArray());
        var leftovers = await project.Lab.FindLeftoversAsync(CancellationToken.None);
        Assert.True(leftovers.IsClean, leftovers.ToString());
    }

    private static async Task AssertDestroyLeavesNothingAsync(LabProject project)
    {
        var destroy = project.Run(Short, "destroy", "--yes");
        Assert.True(destroy.Exit == 0, $"destroy failed ({destroy.Exit}):\n{destroy.Out}\n{destroy.Err}");
        var leftovers = await project.Lab.FindLeftoversAsync(CancellationToken.None);
        Assert.True(leftovers.IsClean, leftovers.ToString());
    }

    /// <summary>Waits until the running verb has recorded a pending operation on the resource named <paramref name="name"/>.</summary>
    private static async Task WaitForPendingAsync(LabProject project, string name)
    {
        var deadline = DateTime.UtcNow + Long;
        while (!(File.Exists(project.Journal) && ReadShared(project.Journal).Contains($"::{name}\"", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no pending operation on {name} in {project.Journal}");
            await Task.Delay(20);
        }
    }

    private static string ReadShared(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(stream).ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return "";
        }
    }

    /// <summary>SIGKILL to the lab's libvirtd, found by the pid file of the lab this test created.</summary>
    private static void KillLabDaemon(LabProject project)
    {
        Assert.True(project.Lab.IsRunning, "the daemon to kill is not running");
        var pid = File.ReadAllText(project.Lab.Paths.PidFile).Trim();
        Assert.Equal(0, ProgramRun.Run("kill", "-KILL", pid).ExitCode);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (project.Lab.IsRunning && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Assert.False(project.Lab.IsRunning);
    }

    private static string Exec(LabProject project, params string[] command)
    {
        var run = project.Run(Short, ["exec", project.Node(0), "--", .. command]);
        Assert.True(run.Exit == 0, $"exec {string.Join(' ', command)} failed ({run.Exit}): {run.Err}");
        return run.Out.Trim();
    }

    private static string BootId(LabProject project) => Exec(project, "cat", "/proc/sys/kernel/random/boot_id");
}
