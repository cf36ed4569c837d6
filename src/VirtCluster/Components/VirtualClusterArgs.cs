using VirtCluster.Config;
using VirtCluster.Resources;

namespace VirtCluster.Components;

/// <summary>
/// What the cluster is made of. Every knob of the paper's setup is a property: the hosts (or this machine as a lab of
/// simulated hosts), the firmware the HCAs must have, passthrough or virtio I/O, the hypervisor, vCPU pinning, memory
/// and huge pages, the cluster network, and the node image every host boots.
/// </summary>
public sealed record VirtualClusterArgs
{
    /// <summary>The stack's validated settings (<see cref="ClusterSettings.Read"/>); the properties below override them.</summary>
    public required ClusterSpec Settings { get; init; }

    /// <summary>The node image spec (YAML): built once into the local cache, uploaded to every host's pool, booted by every node.</summary>
    public required string ImageSpec { get; init; }

    public IReadOnlyList<HostSpec>? Hosts { get; init; }

    public FirmwareVersion? FirmwareMinimum { get; init; }

    public HcaSpec? Hca { get; init; }

    /// <summary>Passthrough hands each VM its host's HCA (VT-d); virtio is the virtualised baseline.</summary>
    public IoMode? Io { get; init; }

    public HypervisorChoice? Hypervisor { get; init; }

    public PinningPolicy? Pinning { get; init; }

    /// <summary>vCPUs, memory (or the host's memory minus a reserve) and huge pages of each VM.</summary>
    public NodeSizing? Sizing { get; init; }

    public NetworkSpec? Network { get; init; }

    /// <summary>The spec the component plans with: the settings with every override applied.</summary>
    internal ClusterSpec Spec => Settings with
    {
        Hosts = Hosts ?? Settings.Hosts,
        FirmwareMinimum = FirmwareMinimum ?? Settings.FirmwareMinimum,
        Hca = Hca ?? Settings.Hca,
        Io = Io ?? Settings.Io,
        Hypervisor = Hypervisor ?? Settings.Hypervisor,
        Pinning = Pinning ?? Settings.Pinning,
        Node = Sizing ?? Settings.Node,
        Network = Network ?? Settings.Network,
        ImageSpecPath = ImageSpec,
    };
}
