using VirtCluster.Remote;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Remote;

/// <summary>One sshd shared by the tests of a class, with a connected runner that trusts it as "test-host".</summary>
public sealed class SshdFixture : IAsyncLifetime
{
    public const string HostName = "test-host";

    internal SshdServer Server { get; private set; } = null!;

    public SshRunner Runner { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SshdServer.StartAsync();
        Runner = await SshRunner.ConnectAsync(Server.Endpoint(HostName), Server.Identity, Server.PinnedUnder(HostName));
    }

    public async Task DisposeAsync()
    {
        if (Runner is not null)
        {
            await Runner.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
