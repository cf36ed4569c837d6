namespace VirtCluster.Remote;

/// <summary>
/// The server's host key could not be trusted, so the connection was refused before authentication:
/// nothing was sent to a host that might be an impostor.
/// </summary>
public abstract class HostKeyVerificationException : Exception
{
    protected HostKeyVerificationException(string host, string presentedFingerprint, string message)
        : base(message)
    {
        Host = host;
        PresentedFingerprint = presentedFingerprint;
    }

    /// <summary>The host name the key was checked under.</summary>
    public string Host { get; }

    /// <summary>SHA256 fingerprint of the key the server presented, as OpenSSH prints it.</summary>
    public string PresentedFingerprint { get; }
}
