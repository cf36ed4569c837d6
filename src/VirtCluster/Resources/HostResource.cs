using VirtCluster.Hosts;
using VirtCluster.Sdk;

namespace VirtCluster.Resources;

/// <summary>The HCA a host offers, as recorded.</summary>
public sealed class HcaArgs : ResourceArgs
{
    [Input("device")]
    public Input<string>? Device { get; set; }

    [Input("address")]
    public Input<string>? Address { get; set; }

    [Input("iommuGroup")]
    public Input<int>? IommuGroup { get; set; }
}

/// <summary>The facts of a host that the plan was made from; refresh reads them again and reports drift.</summary>
public sealed class HostArgs : ResourceArgs
{
    [Input("name", required: true)]
    public Input<string> Name { get; set; } = null!;

    [Input("uri")]
    public Input<string>? Uri { get; set; }

    [Input("sockets")]
    public Input<int>? Sockets { get; set; }

    [Input("coresPerSocket")]
    public Input<int>? CoresPerSocket { get; set; }

    [Input("threadsPerCore")]
    public Input<int>? ThreadsPerCore { get; set; }

    [Input("cpus")]
    public Input<int>? Cpus { get; set; }

    [Input("numaCells")]
    public Input<int>? NumaCells { get; set; }

    [Input("memoryBytes")]
    public Input<long>? MemoryBytes { get; set; }

    [Input("hardwareVirtualisation")]
    public Input<string>? HardwareVirtualisation { get; set; }

    [Input("hca")]
    public Input<HcaArgs>? Hca { get; set; }

    [Input("firmware")]
    public Input<string>? Firmware { get; set; }

    [Input("iommu")]
    public Input<string>? Iommu { get; set; }

    [Input("vfio")]
    public Input<bool>? Vfio { get; set; }

    /// <summary>The arguments that record <paramref name="facts"/> (read from the host at <paramref name="uri"/>).</summary>
    public static HostArgs From(HostFacts facts, string? uri) => new()
    {
        Name = facts.HostName,
        Uri = uri!,
        Sockets = facts.Sockets,
        CoresPerSocket = facts.CoresPerSocket,
        ThreadsPerCore = facts.ThreadsPerCore,
        Cpus = facts.CpuCount,
        NumaCells = facts.Cells.Count,
        MemoryBytes = facts.MemoryBytes,
        HardwareVirtualisation = facts.HardwareVirtualisationFlag!,
        Hca = facts.Hca is { } hca
            ? (Input<HcaArgs>)new HcaArgs { Device = hca.Device.Name, Address = hca.Device.Address.ToString(), IommuGroup = hca.Device.IommuGroup is { } group ? (Input<int>)group : null }
            : null,
        Firmware = facts.HcaFirmwareVersion?.ToString()!,
        Iommu = facts.Iommu.CmdlineSwitch!,
        Vfio = facts.VfioAvailable,
    };
}

/// <summary>
/// A host as the stack depends on it. Creating it changes nothing on the host: it records the facts the plan was
/// made from, and preflight has passed for it before anything else is declared.
/// </summary>
public sealed class Host : CustomResource
{
    public Host(string name, HostArgs args, CustomResourceOptions? options = null)
        : base(ResourceTypes.Host, name, args, options)
    {
    }

    [Output("cpus")]
    public Output<int> Cpus { get; private set; } = null!;

    [Output("memoryBytes")]
    public Output<long> MemoryBytes { get; private set; } = null!;
}
