namespace VirtCluster.LabHost;

/// <summary>What a lab left behind; empty after a clean stop. The message lists each item so a user can remove it by hand.</summary>
/// <param name="Namespace">The lab's network namespace, if it still exists.</param>
/// <param name="Processes">Lab processes still running (libvirtd, qemu, dnsmasq, or anything inside the namespace).</param>
/// <param name="Links">Bridges and taps still inside the namespace.</param>
/// <param name="Paths">State folders or per-domain logs still on disk (the capabilities cache is expected and not listed).</param>
public sealed record LabLeftovers(
    string? Namespace,
    IReadOnlyList<LabProcess> Processes,
    IReadOnlyList<string> Links,
    IReadOnlyList<string> Paths)
{
    public bool IsClean => Namespace is null && Processes.Count == 0 && Links.Count == 0 && Paths.Count == 0;

    public override string ToString()
    {
        if (IsClean)
        {
            return "nothing left";
        }

        var parts = new List<string>();
        if (Namespace is not null)
        {
            parts.Add($"network namespace '{Namespace}' (ip netns delete {Namespace})");
        }

        if (Processes.Count > 0)
        {
            parts.Add("processes " + string.Join(", ", Processes));
        }

        if (Links.Count > 0)
        {
            parts.Add("links " + string.Join(", ", Links));
        }

        if (Paths.Count > 0)
        {
            parts.Add("paths " + string.Join(", ", Paths));
        }

        return string.Join("; ", parts);
    }
}
