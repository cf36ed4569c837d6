using VirtCluster.Remote;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Remote;

public sealed class SshRunnerWaitTests
{
    private sealed class Recorder : IProgress<SshWaitProgress>
    {
        private readonly List<SshWaitProgress> _reports = [];

        public IReadOnlyList<SshWaitProgress> Reports
        {
            get
            {
                lock (_reports)
                {
                    return _reports.ToList();
                }
            }
        }

        public void Report(SshWaitProgress value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
        }
    }

    [Fact]
    public async Task WaitingRetriesUntilTheServerComesUp()
    {
        var port = SshdServer.FreeLoopbackPort();
        var userKey = SshKeyPair.Generate("user");
        var hostKey = SshKeyPair.Generate("host");
        var knownHosts = new KnownHosts();
        knownHosts.Pin("booting", hostKey.PublicKeyLine);
        var progress = new Recorder();

        var waiting = SshRunner.WaitUntilReadyAsync(
            new SshEndpoint("booting", "127.0.0.1", port),
            SshIdentity.FromKeyPair(Environment.UserName, userKey),
            knownHosts,
            TimeSpan.FromSeconds(60),
            progress);
        while (progress.Reports.Count < 2 && !waiting.IsCompleted)
        {
            await Task.Delay(50);
        }

        await using var server = await SshdServer.StartAsync(port, userKey: userKey, hostKey: hostKey);
        await using var runner = await waiting;

        Assert.Equal("up\n", (await runner.RunAsync(["echo", "up"])).Stdout);
        Assert.True(progress.Reports.Count >= 2);
        Assert.Equal(Enumerable.Range(1, progress.Reports.Count), progress.Reports.Select(r => r.Attempt));
        Assert.All(progress.Reports, r => Assert.Contains("ConnectionRefused", r.Reason));
    }

    [Fact]
    public async Task WaitingGivesUpAtTheDeadlineNamingTheLastError()
    {
        var endpoint = new SshEndpoint("never-up", "127.0.0.1", SshdServer.FreeLoopbackPort());
        var progress = new Recorder();

        var error = await Assert.ThrowsAsync<SshUnreachableException>(() => SshRunner.WaitUntilReadyAsync(
            endpoint, SshIdentity.FromKeyPair("root", SshKeyPair.Generate("x")), new KnownHosts(), TimeSpan.FromSeconds(2), progress));

        Assert.Contains("never-up", error.Message);
        Assert.Contains("did not accept SSH within 2 s", error.Message);
        Assert.NotEmpty(progress.Reports);
    }
}
