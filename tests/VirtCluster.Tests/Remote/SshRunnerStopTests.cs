using VirtCluster.Remote;

namespace VirtCluster.Tests.Remote;

public sealed class SshRunnerStopTests(SshdFixture sshd) : IClassFixture<SshdFixture>
{
    private SshRunner Runner => sshd.Runner;

    /// <summary>
    /// A sleep whose command line no other process shares, so pgrep finds only it. Every test sees its sleep running
    /// before it checks that the sleep is gone, so a pattern that matches nothing cannot pass for a stopped command.
    /// </summary>
    private static string UniqueSleepSeconds() => $"60.{Random.Shared.Next(100000, 999999)}";

    private async Task<bool> IsRunningAsync(string seconds)
    {
        var result = await Runner.RunAsync(["pgrep", "-f", "-x", "sleep " + seconds]);
        return result.ExitStatus == 0;
    }

    [Fact]
    public async Task TimeoutStopsTheCommandAndTheResultSaysTimedOut()
    {
        var seconds = UniqueSleepSeconds();

        var running = Runner.RunAsync(["sleep", seconds], timeout: TimeSpan.FromSeconds(3));
        await WaitUntilAsync(() => IsRunningAsync(seconds));
        var result = await running;

        Assert.True(result.TimedOut);
        Assert.Equal("TERM", result.Signal);
        Assert.Null(result.ExitStatus);
        Assert.InRange(result.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30));
        Assert.False(await IsRunningAsync(seconds), "the remote sleep survived the timeout");
        Assert.Contains("timed out after", Assert.Throws<RemoteCommandException>(() => result.EnsureSuccess("sleep")).Message);
    }

    [Fact]
    public async Task CancellationStopsTheRemoteCommandAndThrows()
    {
        var seconds = UniqueSleepSeconds();
        using var cancel = new CancellationTokenSource();
        var running = Runner.RunAsync(["sleep", seconds], cancellationToken: cancel.Token);
        await WaitUntilAsync(() => IsRunningAsync(seconds));

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.False(await IsRunningAsync(seconds), "the remote sleep survived the cancellation");
    }

    [Fact]
    public async Task CommandThatIgnoresTermIsKilledAfterTheGracePeriodWithItsChildren()
    {
        var seconds = UniqueSleepSeconds();
        await using var impatient = await SshRunner.ConnectAsync(
            sshd.Server.Endpoint(SshdFixture.HostName),
            sshd.Server.Identity,
            sshd.Server.PinnedUnder(SshdFixture.HostName),
            new SshRunnerOptions { StopGracePeriod = TimeSpan.FromSeconds(1) });

        // The child sleep inherits the ignored TERM, so only SIGKILL to the whole group ends both.
        var running = impatient.RunScriptAsync($"trap '' TERM; sleep {seconds}; echo unreachable", TimeSpan.FromSeconds(3));
        await WaitUntilAsync(() => IsRunningAsync(seconds));
        var result = await running;

        Assert.True(result.TimedOut);
        Assert.Equal("KILL", result.Signal);
        Assert.Equal("", result.Stdout);
        Assert.False(await IsRunningAsync(seconds), "the ignoring child survived SIGKILL");
    }

    [Fact]
    public async Task OutputBeyondTheLimitIsDroppedAndFlagged()
    {
        await using var limited = await SshRunner.ConnectAsync(
            sshd.Server.Endpoint(SshdFixture.HostName),
            sshd.Server.Identity,
            sshd.Server.PinnedUnder(SshdFixture.HostName),
            new SshRunnerOptions { MaxStdoutBytes = 1000, MaxStderrBytes = 10 });

        var result = await limited.RunScriptAsync("head -c 200000 /dev/zero | tr '\\0' x; echo 0123456789abcdef >&2");

        Assert.Equal(new string('x', 1000), result.Stdout);
        Assert.True(result.StdoutTruncated);
        Assert.Equal("0123456789", result.Stderr);
        Assert.True(result.StderrTruncated);
        Assert.Equal(0, result.ExitStatus);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the condition never became true");
    }
}
