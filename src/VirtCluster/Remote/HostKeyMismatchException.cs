namespace VirtCluster.Remote;

/// <summary>
/// The server presented a key other than the one pinned for its host name: either the host was
/// reinstalled (re-pin its new key) or something is intercepting the connection.
/// </summary>
public sealed class HostKeyMismatchException : HostKeyVerificationException
{
    public HostKeyMismatchException(string host, IReadOnlyList<string> expectedFingerprints, string presentedFingerprint)
        : base(host, presentedFingerprint,
            $"Host key mismatch for {host}: it presented {presentedFingerprint} but the pinned key is "
            + $"{string.Join(" or ", expectedFingerprints)}. If the host was rebuilt, pin its new key; "
            + "otherwise something may be intercepting the connection.")
    {
        ExpectedFingerprints = expectedFingerprints;
    }

    /// <summary>Fingerprints of the keys pinned for the host.</summary>
    public IReadOnlyList<string> ExpectedFingerprints { get; }
}
