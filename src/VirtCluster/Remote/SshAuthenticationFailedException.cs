namespace VirtCluster.Remote;

/// <summary>The server refused the key: it is not in the user's authorized_keys on that host.</summary>
public sealed class SshAuthenticationFailedException : Exception
{
    public SshAuthenticationFailedException(SshEndpoint endpoint, SshIdentity identity, Exception inner)
        : base($"{endpoint} refused the key from {identity.Source} for user '{identity.User}' ({inner.Message}). "
            + "Check that its public key is in that user's authorized_keys on the host.", inner)
    {
        Endpoint = endpoint;
        User = identity.User;
    }

    public SshEndpoint Endpoint { get; }

    public string User { get; }
}
