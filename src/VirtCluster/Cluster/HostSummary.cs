using System.Text.Json.Serialization;
using VirtCluster.Hosts;

namespace VirtCluster.Cluster;

/// <summary>
/// The part of a host's facts recorded in state: what the plan depends on. Refresh compares a new reading with
/// it, so a firmware update or a moved HCA shows up as drift. It is both the Host resource's inputs and its
/// outputs; a fact that is not there is written as null, as refresh has always recorded it.
/// </summary>
public sealed record HostSummary(
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Uri = null,
    int? Sockets = null,
    int? CoresPerSocket = null,
    int? ThreadsPerCore = null,
    int? Cpus = null,
    int? NumaCells = null,
    long? MemoryBytes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? HardwareVirtualisation = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] HcaSummary? Hca = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Firmware = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Iommu = null,
    bool? Vfio = null)
{
    /// <summary>What <paramref name="facts"/>, read from the host at <paramref name="uri"/>, record.</summary>
    public static HostSummary Of(HostFacts facts, string? uri) => new(
        facts.HostName,
        uri,
        facts.Sockets,
        facts.CoresPerSocket,
        facts.ThreadsPerCore,
        facts.CpuCount,
        facts.Cells.Count,
        facts.MemoryBytes,
        facts.HardwareVirtualisationFlag,
        facts.Hca is { } hca ? new HcaSummary(hca.Device.Name, hca.Device.Address.ToString(), hca.Device.IommuGroup) : null,
        facts.HcaFirmwareVersion?.ToString(),
        facts.Iommu.CmdlineSwitch,
        facts.VfioAvailable);
}

/// <summary>The HCA a host offers, as recorded.</summary>
public sealed record HcaSummary(
    string? Device,
    string? Address,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? IommuGroup);
