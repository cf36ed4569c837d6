using VirtCluster.Benchmarks.Engine;
using VirtCluster.Engine.Cli;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.State;
using VirtCluster.Engine.Testing;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.Deployment;

/// <summary>
/// Kills a real <c>up</c> or <c>destroy</c> process with SIGKILL, or interrupts it with SIGINT (Ctrl-C), after each
/// of its durable steps in turn (a state record written, a provider call returned); the next run must converge with
/// every declared resource existing exactly once (or, after destroy, none), nothing left that is not declared, and a
/// valid, compacted state file. An interrupted run must also stop by itself: exit 130, no operation left pending, the
/// lock released.
/// </summary>
public sealed class CrashSafetyTests
{
    private const int Killed = 128 + 9;
    private const int Interrupted = 128 + 2;
    private const int AtOnce = 3;

    [Fact]
    public async Task AFirstUpKilledAfterAnyStepConvergesOnTheNextRun()
    {
        var steps = await CrashAtEveryStepAsync(() => new CrashProject(hosts: 1));

        // 5 resources x (pending record, provider call, outcome record) + the Host component's record.
        Assert.Equal(16, steps);
    }

    [Fact]
    public async Task AnUpThatReplacesUpdatesAndDeletesKilledAfterAnyStepConvergesOnTheNextRun()
    {
        using var deployed = new CrashProject(hosts: 2);
        Assert.Equal(0, (await deployed.RunAsync(null, "up", "--yes")).Code);

        var steps = await CrashAtEveryStepAsync(() => new CrashProject(hosts: 1, image: "trixie", copyOf: deployed));

        // Host h1's 5 deletes (3 steps each) and component; base image and overlay replaced (6 steps each).
        Assert.True(steps >= 28, $"expected crash points for deletes and replaces, found {steps}");
    }

    [Fact]
    public async Task AnUpReplaceKilledAfterAnyStepConvergesOnTheNextRunWithoutIt()
    {
        using var deployed = new CrashProject(hosts: 1);
        Assert.Equal(0, (await deployed.RunAsync(null, "up", "--yes")).Code);

        var steps = await AtEveryStepAsync(async k =>
        {
            using var project = new CrashProject(hosts: 1, copyOf: deployed);
            var (code, output) = await project.RunAsync(k, "up", "--yes", "--replace", "urn:virtcluster:crash::bench::bench:Host$bench:BaseImage::base-h0");
            if (code == ExitCodes.Success)
            {
                return true;
            }

            Assert.True(code == Killed, $"step {k}: expected SIGKILL, got exit code {code}: {output}");
            var (rerun, rerunOutput) = await project.RunAsync(null, "up", "--yes", "--force-unlock");
            Assert.True(rerun == ExitCodes.Success, $"step {k}: the re-run exited with {rerun}: {rerunOutput}");
            await AssertConvergedAsync(project, k);
            return false;
        });

        // The base image, its overlay and the node replaced (delete and create: 6 steps each).
        Assert.Equal(18, steps);
    }

    [Fact]
    public async Task ADestroyKilledAfterAnyStepConvergesOnTheNextRun()
    {
        using var deployed = new CrashProject(hosts: 1);
        Assert.Equal(0, (await deployed.RunAsync(null, "up", "--yes")).Code);

        var steps = await AtEveryStepAsync(async k =>
        {
            using var project = new CrashProject(hosts: 1, copyOf: deployed);
            var (code, output) = await project.RunAsync(k, "destroy", "--yes");
            if (code == ExitCodes.Success)
            {
                return true;
            }

            Assert.True(code == Killed, $"step {k}: expected SIGKILL, got exit code {code}: {output}");
            var (rerun, rerunOutput) = await project.RunAsync(null, "destroy", "--yes", "--force-unlock");
            Assert.True(rerun == ExitCodes.Success, $"step {k}: the re-run exited with {rerun}: {rerunOutput}");
            AssertDestroyed(project, k);
            return false;
        });

        // 5 deletes x (pending record, provider call, removal record) + the Host component's removal.
        Assert.Equal(16, steps);
    }

    [Fact]
    public async Task AnUpInterruptedAfterAnyStepStopsCleanlyAndTheNextRunConverges()
    {
        var steps = await AtEveryStepAsync(async k =>
        {
            using var project = new CrashProject(hosts: 1);
            var (code, output) = await project.InterruptAsync(k, "up", "--yes");
            if (code == ExitCodes.Success)
            {
                return true;
            }

            AssertStoppedCleanly(project, k, code, output);
            var (rerun, rerunOutput) = await project.RunAsync(null, "up", "--yes");
            Assert.True(rerun == ExitCodes.Success, $"step {k}: the re-run exited with {rerun}: {rerunOutput}");
            await AssertConvergedAsync(project, k);
            return false;
        });

        Assert.Equal(16, steps);
    }

    [Fact]
    public async Task ADestroyInterruptedAfterAnyStepStopsCleanlyAndTheNextRunConverges()
    {
        using var deployed = new CrashProject(hosts: 1);
        Assert.Equal(0, (await deployed.RunAsync(null, "up", "--yes")).Code);

        var steps = await AtEveryStepAsync(async k =>
        {
            using var project = new CrashProject(hosts: 1, copyOf: deployed);
            var (code, output) = await project.InterruptAsync(k, "destroy", "--yes");
            if (code == ExitCodes.Success)
            {
                return true;
            }

            AssertStoppedCleanly(project, k, code, output);
            var (rerun, rerunOutput) = await project.RunAsync(null, "destroy", "--yes");
            Assert.True(rerun == ExitCodes.Success, $"step {k}: the re-run exited with {rerun}: {rerunOutput}");
            AssertDestroyed(project, k);
            return false;
        });

        Assert.Equal(16, steps);
    }

    [Fact]
    public async Task SigtermDuringUpStopsCleanlyWithExitCode143AndTheNextRunConverges()
    {
        // Big enough that up is still running when the signal arrives.
        using var project = new CrashProject(hosts: 200);
        var journal = Path.Combine(project.Backend, "stacks", CrashProject.Stack + ".journal");
        var (process, outcome) = project.Start("up", "--yes");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!File.Exists(journal) && !outcome.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.True(File.Exists(journal), "up never started changing the stack");
        Assert.Equal(0, Kill(process.Id, 15));
        var (code, output) = await outcome;

        Assert.True(code == 128 + 15, $"expected exit code 143 after SIGTERM, got {code}: {output}");
        Assert.Contains("interrupted (SIGTERM)", output);
        Assert.Contains("stopped cleanly", output);
        var (rerun, rerunOutput) = await project.RunAsync(null, "up", "--yes");
        Assert.True(rerun == ExitCodes.Success, $"the re-run exited with {rerun}: {rerunOutput}");
        await AssertConvergedAsync(project, 0);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    [Fact]
    public async Task AKilledRunLeavesAStaleLockThatIsReportedWithTheForceUnlockHint()
    {
        using var project = new CrashProject(hosts: 1);
        Assert.Equal(Killed, (await project.RunAsync(4, "up", "--yes")).Code);

        var (code, output) = await project.RunAsync(null, "up", "--yes");

        Assert.Equal(ExitCodes.StackLocked, code);
        Assert.Contains("stale lock", output);
        Assert.Contains("pass --force-unlock", output);
    }

    [Fact]
    public async Task ASecondConcurrentUpIsRefusedWithExitCodeThree()
    {
        using var project = new CrashProject(hosts: 1);
        using var held = StackLock.Acquire(Path.Combine(project.Backend, "stacks", CrashProject.Stack + ".lock"), CrashProject.Stack, forceUnlock: false);

        var (code, output) = await project.RunAsync(null, "up", "--yes");

        Assert.Equal(ExitCodes.StackLocked, code);
        Assert.Contains($"is locked by another run (PID {Environment.ProcessId}", output);
    }

    private static Task<int> CrashAtEveryStepAsync(Func<CrashProject> create) => AtEveryStepAsync(async k =>
    {
        using var project = create();
        var (code, output) = await project.RunAsync(k, "up", "--yes");
        if (code == ExitCodes.Success)
        {
            return true;
        }

        Assert.True(code == Killed, $"step {k}: expected SIGKILL, got exit code {code}: {output}");
        var (rerun, rerunOutput) = await project.RunAsync(null, "up", "--yes", "--force-unlock");
        Assert.True(rerun == ExitCodes.Success, $"step {k}: the re-run exited with {rerun}: {rerunOutput}");
        await AssertConvergedAsync(project, k);
        return false;
    });

    /// <summary>Runs <paramref name="faultAt"/> for k = 1, 2, ... (a few at once) until a run finishes untouched.</summary>
    /// <param name="faultAt">Injects the fault after step k, checks recovery; true when the run had fewer than k steps.</param>
    /// <returns>How many fault points the run had (the first k at which it finished untouched, minus one).</returns>
    private static async Task<int> AtEveryStepAsync(Func<int, Task<bool>> faultAt)
    {
        for (var first = 1; ; first += AtOnce)
        {
            var outcomes = await Task.WhenAll(Enumerable.Range(first, AtOnce).Select(async k => (Step: k, Finished: await faultAt(k))));
            if (outcomes.Where(o => o.Finished).Select(o => (int?)o.Step).Min() is { } finished)
            {
                return finished - 1;
            }
        }
    }

    /// <summary>An interrupted run exits 130 by itself, having finished or stopped what ran, saved state and unlocked.</summary>
    private static void AssertStoppedCleanly(CrashProject project, int step, int code, string output)
    {
        Assert.True(code == Interrupted, $"step {step}: expected exit code 130 after Ctrl-C, got {code}: {output}");
        Assert.Contains("interrupted (Ctrl-C)", output);
        Assert.Contains("stopped cleanly", output);
        using var store = new FileStateStore(project.Backend, CrashProject.Stack, secrets: null);
        Assert.Empty(store.Load().Pending);
        Assert.False(File.Exists(store.JournalPath), $"step {step}: the interrupted run did not checkpoint its state");
        Assert.False(File.Exists(Path.Combine(project.Backend, "stacks", CrashProject.Stack + ".lock")), $"step {step}: the lock was left behind");
    }

    private static void AssertDestroyed(CrashProject project, int step)
    {
        Assert.True(project.CloudObjects().Count == 0, $"step {step}: left behind: {string.Join(", ", project.CloudObjects())}");
        using var store = new FileStateStore(project.Backend, CrashProject.Stack, secrets: null);
        var state = store.Load();
        Assert.Empty(state.Resources);
        Assert.Empty(state.Pending);
        Assert.False(File.Exists(store.JournalPath), $"step {step}: the journal was not compacted");
    }

    private static async Task AssertConvergedAsync(CrashProject project, int step)
    {
        var objects = project.CloudObjects();
        var duplicated = objects.GroupBy(o => o.Urn).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicated.Count == 0, $"step {step}: duplicated: {string.Join(", ", duplicated)}");
        Assert.Equal(project.Hosts * 5, objects.Count);

        using var store = new FileStateStore(project.Backend, CrashProject.Stack, secrets: null);
        var state = store.Load();
        Assert.Empty(state.Pending);
        Assert.False(File.Exists(store.JournalPath), $"step {step}: the journal was not compacted");
        var recorded = state.Resources.Values.Where(r => !r.IsComponent).Select(r => (r.Urn.Value, r.Id!)).Order().ToList();
        Assert.Equal(recorded, objects.Order().ToList());

        var program = new StackBuilder("bench", CrashProject.Stack, new StackConfig("bench", CrashProject.Stack, Path.Combine(project.Directory, "Pulumi.crash.yaml"), new Dictionary<string, ConfigNode>()));
        ClusterGraph.Declare(program, project.Hosts, project.Image);
        var providers = new ProviderRegistry(ClusterGraph.Providers(new InMemoryCloud(project.CloudFile)));
        var plan = await new StackEngine(program, providers, store).PreviewAsync();
        Assert.False(plan.HasChanges, $"step {step}: after the re-run a preview still finds changes: {plan.Totals}");
    }
}
