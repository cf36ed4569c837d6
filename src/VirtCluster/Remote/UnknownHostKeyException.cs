namespace VirtCluster.Remote;

/// <summary>
/// No key is pinned for the host. Trust on first use is deliberately not offered: the key must be pinned
/// beforehand from a trusted channel (e.g. the guest's console or agent).
/// </summary>
public sealed class UnknownHostKeyException : HostKeyVerificationException
{
    public UnknownHostKeyException(string host, string presentedFingerprint)
        : base(host, presentedFingerprint,
            $"No host key is pinned for {host} (it presented {presentedFingerprint}); refusing to connect. "
            + "Pin the host's key, read from a trusted channel such as its console, before connecting.")
    {
    }
}
