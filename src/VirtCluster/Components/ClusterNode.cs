using VirtCluster.Planning;

namespace VirtCluster.Components;

/// <summary>A node of the cluster as the stack's outputs show it: where it runs and how it was sized and pinned.</summary>
public sealed record ClusterNode(
    string Name,
    string Host,
    string Address,
    int Vcpus,
    long MemoryBytes,
    string Pinning,
    IReadOnlyList<string> PinnedCpus,
    int NumaCells,
    string Hypervisor,
    string? Passthrough,
    IReadOnlyList<string> Notes)
{
    public static ClusterNode Of(NodePlan plan, string address) => new(
        plan.NodeName,
        plan.HostName,
        address,
        plan.Vcpus,
        plan.MemoryBytes,
        plan.Pinning.ToString().ToLowerInvariant(),
        [.. plan.VcpuPins.Select(p => string.Join(',', p.HostCpus))],
        plan.NumaCells.Count,
        plan.Flavour.ToString().ToLowerInvariant(),
        plan.Hostdev?.ToString(),
        plan.Notes);
}

/// <summary>Preflight's verdict over every host, as the stack's outputs show it.</summary>
public sealed record PreflightSummary(int Pass, int Warn, int Fail, IReadOnlyList<string> Warnings);
