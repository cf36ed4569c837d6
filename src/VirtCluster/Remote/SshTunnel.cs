using Renci.SshNet;

namespace VirtCluster.Remote;

/// <summary>A forwarded local port of an SSH session (<see cref="SshRunner.Forward"/>); disposing it closes the port.</summary>
public sealed class SshTunnel : IDisposable
{
    private readonly SshClient _client;
    private readonly ForwardedPortLocal _forward;

    internal SshTunnel(SshClient client, ForwardedPortLocal forward)
    {
        _client = client;
        _forward = forward;
    }

    /// <summary>The port on 127.0.0.1 that leads to the far end.</summary>
    public int LocalPort => (int)_forward.BoundPort;

    public void Dispose()
    {
        if (_forward.IsStarted)
        {
            _forward.Stop();
        }

        _client.RemoveForwardedPort(_forward);
        _forward.Dispose();
    }
}
