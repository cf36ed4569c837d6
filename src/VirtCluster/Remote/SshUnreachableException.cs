namespace VirtCluster.Remote;

/// <summary>
/// The host could not be reached or its SSH server did not complete the handshake (refused, reset,
/// timed out, closed early). Unlike key or authentication failures this may pass, e.g. while a VM boots,
/// which is why <see cref="SshRunner.WaitUntilReadyAsync"/> retries exactly this type.
/// </summary>
public sealed class SshUnreachableException : Exception
{
    public SshUnreachableException(SshEndpoint endpoint, string message, Exception? inner = null)
        : base(message, inner)
    {
        Endpoint = endpoint;
    }

    public SshEndpoint Endpoint { get; }
}
