using System.Net.Sockets;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace VirtCluster.Remote;

/// <summary>
/// Connects SSH.NET clients with the tool's rules: key authentication only, host keys checked against
/// <see cref="KnownHosts"/>, and SSH.NET's exceptions turned into the three failures callers act on
/// (unreachable, untrusted host key, refused key).
/// </summary>
internal sealed class SshConnector(SshEndpoint endpoint, SshIdentity identity, KnownHosts knownHosts, SshRunnerOptions options)
{
    public SshEndpoint Endpoint => endpoint;

    public SshRunnerOptions Options => options;

    public Task<SshClient> ConnectShellAsync(CancellationToken cancellationToken) =>
        ConnectAsync(info => new SshClient(info), options.ConnectTimeout, cancellationToken);

    public Task<SftpClient> ConnectSftpAsync(CancellationToken cancellationToken) =>
        ConnectAsync(info => new SftpClient(info), options.ConnectTimeout, cancellationToken);

    public async Task<T> ConnectAsync<T>(
        Func<ConnectionInfo, T> create, TimeSpan timeout, CancellationToken cancellationToken)
        where T : BaseClient
    {
        // Only authentication uses the key, so it can go as soon as the connection is up.
        using var key = identity.CreateKey();
        using var authentication = new PrivateKeyAuthenticationMethod(identity.User, key);
        var info = new ConnectionInfo(endpoint.Address, endpoint.Port, identity.User, authentication)
        {
            Timeout = timeout,
        };
        PreferPinnedKeyTypes(info);

        var client = create(info);
        HostKeyVerificationException? refused = null;
        client.HostKeyReceived += (_, e) =>
        {
            try
            {
                knownHosts.Verify(endpoint.HostName, HostKey.FromBlob(e.HostKey));
                e.CanTrust = true;
            }
            catch (HostKeyVerificationException verification)
            {
                refused = verification;
                e.CanTrust = false;
            }
        };

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(deadline.Token).ConfigureAwait(false);
            return client;
        }
        catch (Exception e)
        {
            client.Dispose();
            if (refused is not null)
            {
                throw refused;
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw Translate(e, timeout) ?? throw new InvalidOperationException($"Connecting to {endpoint} failed: {e.Message}", e);
        }
    }

    private Exception? Translate(Exception e, TimeSpan timeout) => e switch
    {
        SshAuthenticationException => new SshAuthenticationFailedException(endpoint, identity, e),
        SocketException socket => new SshUnreachableException(endpoint,
            $"Cannot reach {endpoint}: {socket.SocketErrorCode} ({socket.Message}).", e),
        OperationCanceledException or SshOperationTimeoutException => new SshUnreachableException(endpoint,
            $"{endpoint} did not complete the SSH handshake within {timeout.TotalSeconds:F0} s.", e),
        SshConnectionException or IOException or ProxyException => new SshUnreachableException(endpoint,
            $"{endpoint} closed the connection during the SSH handshake ({e.Message}).", e),
        _ => null,
    };

    /// <summary>
    /// Offers the server only the host-key algorithms of the key types pinned for the host, as OpenSSH
    /// does: otherwise a server holding several keys might present one that is not pinned and be refused
    /// although the pinned one is genuine. With nothing pinned every algorithm stays, so the refusal can
    /// name the key that was presented.
    /// </summary>
    private void PreferPinnedKeyTypes(ConnectionInfo info)
    {
        var pinnedTypes = knownHosts.KeysFor(endpoint.HostName).Select(k => k.KeyType).ToHashSet();
        if (pinnedTypes.Count == 0)
        {
            return;
        }

        foreach (var algorithm in info.HostKeyAlgorithms.Keys.ToList())
        {
            if (!pinnedTypes.Contains(KeyTypeOf(algorithm)))
            {
                info.HostKeyAlgorithms.Remove(algorithm);
            }
        }
    }

    private static string KeyTypeOf(string hostKeyAlgorithm) => hostKeyAlgorithm switch
    {
        "rsa-sha2-512" or "rsa-sha2-256" => "ssh-rsa",
        _ => hostKeyAlgorithm,
    };
}
