using System.Text.Json.Nodes;
using VirtCluster.Hosts;

namespace VirtCluster.Cluster;

/// <summary>
/// The part of a host's facts recorded in state: what the plan depends on. Refresh compares a new reading with
/// it, so a firmware update or a moved HCA shows up as drift.
/// </summary>
public static class HostSummary
{
    public static JsonObject Of(HostFacts facts, string? uri) => new()
    {
        ["name"] = facts.HostName,
        ["uri"] = uri,
        ["sockets"] = facts.Sockets,
        ["coresPerSocket"] = facts.CoresPerSocket,
        ["threadsPerCore"] = facts.ThreadsPerCore,
        ["cpus"] = facts.CpuCount,
        ["numaCells"] = facts.Cells.Count,
        ["memoryBytes"] = facts.MemoryBytes,
        ["hardwareVirtualisation"] = facts.HardwareVirtualisationFlag,
        ["hca"] = facts.Hca is { } hca
            ? new JsonObject
            {
                ["device"] = hca.Device.Name,
                ["address"] = hca.Device.Address.ToString(),
                ["iommuGroup"] = hca.Device.IommuGroup,
            }
            : null,
        ["firmware"] = facts.HcaFirmwareVersion?.ToString(),
        ["iommu"] = facts.Iommu.CmdlineSwitch,
        ["vfio"] = facts.VfioAvailable,
    };
}
