using System.Net;
using System.Net.Sockets;
using VirtCluster.Remote;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Remote;

public sealed class NamespaceTcpForwarderTests
{
    private const string Guest = "guest01";
    private static readonly IPEndPoint SshInside = new(IPAddress.Loopback, 22);

    [Fact]
    public async Task SshThroughTheForwarderRunsCommandsInsideTheNamespace()
    {
        using var netns = TestNetworkNamespace.Create();
        await using var sshd = await SshdServer.StartAsync(port: 22, networkNamespace: netns.Name);
        await using var forwarder = await NamespaceTcpForwarder.StartAsync(netns.Name, SshInside);

        await using var runner = await SshRunner.ConnectAsync(
            new SshEndpoint(Guest, "127.0.0.1", forwarder.LocalPort), sshd.Identity, sshd.PinnedUnder(Guest));
        var addresses = (await runner.RunAsync(["ip", "-o", "addr"])).EnsureSuccess("list addresses").Stdout;
        var remoteNamespace = (await runner.RunAsync(["readlink", "/proc/self/ns/net"])).EnsureSuccess("read the namespace").Stdout;
        var hostname = (await runner.RunAsync(["hostname"])).EnsureSuccess("read the host name").Stdout;

        var interfaces = addresses.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ', 3)[1]).Distinct();
        Assert.Equal(["lo"], interfaces);
        Assert.Equal($"net:[{InodeOf("/run/netns/" + netns.Name)}]\n", remoteNamespace);
        Assert.Equal(Environment.MachineName, hostname.Trim());
        Assert.Equal(IPAddress.Loopback, forwarder.LocalEndPoint.Address);
    }

    [Fact]
    public async Task SftpAndSeveralConnectionsShareOneForwarder()
    {
        using var netns = TestNetworkNamespace.Create();
        await using var sshd = await SshdServer.StartAsync(port: 22, networkNamespace: netns.Name);
        await using var forwarder = await NamespaceTcpForwarder.StartAsync(netns.Name, SshInside);
        var endpoint = new SshEndpoint(Guest, "127.0.0.1", forwarder.LocalPort);

        await using var first = await SshRunner.ConnectAsync(endpoint, sshd.Identity, sshd.PinnedUnder(Guest));
        await using var second = await SshRunner.ConnectAsync(endpoint, sshd.Identity, sshd.PinnedUnder(Guest));
        var target = Path.Combine(sshd.Directory, "hostfile");
        await first.UploadAsync(new MemoryStream("node01 slots=1\n"u8.ToArray()), target, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Equal("node01 slots=1\n", (await second.RunAsync(["cat", target])).Stdout);
    }

    [Fact]
    public async Task HostKeyIsStillVerifiedUnderTheGuestName()
    {
        using var netns = TestNetworkNamespace.Create();
        await using var sshd = await SshdServer.StartAsync(port: 22, networkNamespace: netns.Name);
        await using var forwarder = await NamespaceTcpForwarder.StartAsync(netns.Name, SshInside);
        var knownHosts = new KnownHosts();
        knownHosts.Pin(Guest, SshKeyPair.Generate("impostor").PublicKeyLine);

        await Assert.ThrowsAsync<HostKeyMismatchException>(() => SshRunner.ConnectAsync(
            new SshEndpoint(Guest, "127.0.0.1", forwarder.LocalPort), sshd.Identity, knownHosts));
    }

    [Fact]
    public async Task WaitingThroughTheForwarderRetriesUntilSshdStartsInside()
    {
        using var netns = TestNetworkNamespace.Create();
        await using var forwarder = await NamespaceTcpForwarder.StartAsync(netns.Name, SshInside);
        var userKey = SshKeyPair.Generate("user");
        var hostKey = SshKeyPair.Generate("host");
        var knownHosts = new KnownHosts();
        knownHosts.Pin(Guest, hostKey.PublicKeyLine);
        var reasons = new List<string>();

        var waiting = SshRunner.WaitUntilReadyAsync(
            new SshEndpoint(Guest, "127.0.0.1", forwarder.LocalPort),
            SshIdentity.FromKeyPair(Environment.UserName, userKey),
            knownHosts,
            TimeSpan.FromSeconds(60),
            new Progress<SshWaitProgress>(p => { lock (reasons) { reasons.Add(p.Reason); } }));
        while (!waiting.IsCompleted && ReasonCount(reasons) < 2)
        {
            await Task.Delay(50);
        }

        await using var sshd = await SshdServer.StartAsync(port: 22, networkNamespace: netns.Name, userKey: userKey, hostKey: hostKey);
        await using var runner = await waiting;

        Assert.Equal(0, (await runner.RunAsync(["true"])).ExitStatus);
        Assert.True(ReasonCount(reasons) >= 2);
    }

    [Fact]
    public async Task TargetThatRefusesClosesTheClientConnection()
    {
        using var netns = TestNetworkNamespace.Create();
        await using var forwarder = await NamespaceTcpForwarder.StartAsync(netns.Name, SshInside);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(forwarder.LocalEndPoint);

        var received = await client.ReceiveAsync(new byte[16], SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, received);
    }

    [Fact]
    public async Task MissingNamespaceFailsAtStartNamingIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => NamespaceTcpForwarder.StartAsync("vct-does-not-exist", SshInside));

        Assert.Contains("'vct-does-not-exist' does not exist", error.Message);
        Assert.Contains("ip netns add vct-does-not-exist", error.Message);
    }

    [Fact]
    public async Task DisposingClosesOpenConnectionsAndStopsListening()
    {
        using var netns = TestNetworkNamespace.Create();
        await using var sshd = await SshdServer.StartAsync(port: 22, networkNamespace: netns.Name);
        var forwarder = await NamespaceTcpForwarder.StartAsync(netns.Name, SshInside);
        var runner = await SshRunner.ConnectAsync(
            new SshEndpoint(Guest, "127.0.0.1", forwarder.LocalPort), sshd.Identity, sshd.PinnedUnder(Guest));

        await forwarder.DisposeAsync();
        await forwarder.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => runner.RunAsync(["true"]));
        await runner.DisposeAsync();
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(async () => await probe.ConnectAsync(forwarder.LocalEndPoint));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    private static int ReasonCount(List<string> reasons)
    {
        lock (reasons)
        {
            return reasons.Count;
        }
    }

    /// <summary>The inode that identifies a namespace, as <c>readlink /proc/self/ns/net</c> shows it inside.</summary>
    private static ulong InodeOf(string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("stat", ["-L", "-c", "%i", path]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var inode = ulong.Parse(process.StandardOutput.ReadToEnd());
        process.WaitForExit();
        return inode;
    }
}
