namespace VirtCluster.Hosts;

/// <summary>One check on one host: what was found and, unless it passed, how to fix it.</summary>
/// <param name="Host">The host's name in the stack.</param>
/// <param name="Check">Short check id (iommu, vfio, hca-firmware, ...), stable for scripts reading the JSON.</param>
/// <param name="Verdict">Pass, warn or fail.</param>
/// <param name="Found">What the host showed, in words.</param>
/// <param name="Fix">What to do about it; null when nothing needs doing.</param>
public sealed record PreflightCheck(string Host, string Check, Verdict Verdict, string Found, string? Fix)
{
    /// <summary>The sentence a user reads: <c>agc03: HCA firmware 2.6.0 is older than ...; update it (...)</c>.</summary>
    public string Message => Fix is null ? $"{Host}: {Found}" : $"{Host}: {Found}; {Fix}";
}
