using VirtCluster.Remote;

namespace VirtCluster.Tests.Remote;

public sealed class SshRunnerConnectTests(SshdFixture sshd) : IClassFixture<SshdFixture>
{
    private const string Host = SshdFixture.HostName;

    [Fact]
    public async Task KeyFromAFileAuthenticates()
    {
        var keyFile = Path.Combine(sshd.Server.Directory, "user_key");
        sshd.Server.UserKey.WritePrivateKeyFile(keyFile);

        await using var runner = await SshRunner.ConnectAsync(
            sshd.Server.Endpoint(Host), SshIdentity.FromKeyFile(sshd.Server.User, keyFile), sshd.Server.PinnedUnder(Host));

        Assert.Equal("ok\n", (await runner.RunAsync(["echo", "ok"])).Stdout);
    }

    [Fact]
    public async Task KeyNotInAuthorizedKeysFailsAsAnAuthenticationError()
    {
        var stranger = SshIdentity.FromKeyPair(sshd.Server.User, SshKeyPair.Generate("stranger"));

        var error = await Assert.ThrowsAsync<SshAuthenticationFailedException>(
            () => SshRunner.ConnectAsync(sshd.Server.Endpoint(Host), stranger, sshd.Server.PinnedUnder(Host)));

        Assert.Contains(Host, error.Message);
        Assert.Equal(sshd.Server.User, error.User);
    }

    [Fact]
    public async Task ChangedHostKeyIsRefusedNamingExpectedAndPresentedFingerprints()
    {
        var knownHosts = new KnownHosts();
        var stale = HostKey.Parse(SshKeyPair.Generate("old-install").PublicKeyLine);
        knownHosts.Pin(Host, stale);

        var error = await Assert.ThrowsAsync<HostKeyMismatchException>(
            () => SshRunner.ConnectAsync(sshd.Server.Endpoint(Host), sshd.Server.Identity, knownHosts));

        Assert.Equal(Host, error.Host);
        Assert.Equal([stale.Fingerprint], error.ExpectedFingerprints);
        Assert.Equal(sshd.Server.Ed25519HostKey.Fingerprint, error.PresentedFingerprint);
    }

    [Fact]
    public async Task HostWithNoPinnedKeyIsRefused()
    {
        var error = await Assert.ThrowsAsync<UnknownHostKeyException>(
            () => SshRunner.ConnectAsync(sshd.Server.Endpoint(Host), sshd.Server.Identity, new KnownHosts()));

        string[] serverKeys = [sshd.Server.Ed25519HostKey.Fingerprint, sshd.Server.EcdsaHostKey.Fingerprint];
        Assert.Contains(error.PresentedFingerprint, serverKeys);
    }

    [Fact]
    public async Task KeyIsCheckedUnderTheHostNameNotTheAddress()
    {
        await Assert.ThrowsAsync<UnknownHostKeyException>(
            () => SshRunner.ConnectAsync(sshd.Server.Endpoint("other-host"), sshd.Server.Identity, sshd.Server.PinnedUnder(Host)));
    }

    [Fact]
    public async Task AnyPinnedKeyTypeOfTheServerIsAccepted()
    {
        var knownHosts = new KnownHosts();
        knownHosts.Pin(Host, sshd.Server.EcdsaHostKey);

        await using var runner = await SshRunner.ConnectAsync(sshd.Server.Endpoint(Host), sshd.Server.Identity, knownHosts);

        Assert.Equal(0, (await runner.RunAsync(["true"])).ExitStatus);
    }

    [Fact]
    public async Task ClosedPortIsUnreachable()
    {
        var endpoint = new SshEndpoint("nobody", "127.0.0.1", Support.SshdServer.FreeLoopbackPort());

        var error = await Assert.ThrowsAsync<SshUnreachableException>(
            () => SshRunner.ConnectAsync(endpoint, sshd.Server.Identity, new KnownHosts()));

        Assert.Contains("ConnectionRefused", error.Message);
        Assert.Equal(endpoint, error.Endpoint);
    }

    [Fact]
    public async Task CommandsOnADisposedRunnerAreRejected()
    {
        var runner = await SshRunner.ConnectAsync(sshd.Server.Endpoint(Host), sshd.Server.Identity, sshd.Server.PinnedUnder(Host));
        await runner.DisposeAsync();
        await runner.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => runner.RunAsync(["true"]));
    }
}
