using System.Net;
using VirtCluster.Config;
using VirtCluster.Domains;
using VirtCluster.Engine.Config;

namespace VirtCluster.Cluster;

/// <summary>
/// Names, paths and addresses derived from the stack alone, so every run of the program computes the same
/// ones (stable URNs and inputs make a second <c>up</c> a no-op).
/// </summary>
public sealed class ClusterLayout(ClusterSpec spec)
{
    private readonly Ipv4Subnet _subnet = Ipv4Subnet.Parse(spec.Network.Subnet);

    public string PoolName => $"vc-{spec.Stack}";

    /// <summary>Where the pool keeps images and overlays on a (real or simulated) host.</summary>
    public string PoolPath => $"/var/lib/libvirt/images/virtcluster-{spec.Stack}";

    public string Overlay(string node) => $"{node}.qcow2";

    public string OverlayPath(string node, string poolPath) => Path.Combine(poolPath, Overlay(node));

    public string SerialLogPath(string node) => $"/var/log/libvirt/qemu/{node}-console.log";

    /// <summary>Refuses a subnet too small for the nodes, before anything is declared, naming the key to change.</summary>
    public void EnsureRoomFor(int nodes)
    {
        var room = _subnet.HostCount - FirstNodeHost + 1;
        if (nodes > room)
        {
            throw new ConfigException(
                null,
                "virtcluster:network.subnet",
                $"{spec.Network.Subnet} has room for {room} nodes (from host number {FirstNodeHost}) but the stack has {nodes}; "
                + $"use a larger subnet (a /{32 - (int)Math.Ceiling(Math.Log2(nodes + FirstNodeHost + 1))} or wider)");
        }
    }

    /// <summary>Node k of the cluster (counted across hosts) gets host number 10 + k: .1 is the host side of the network.</summary>
    public IPAddress Address(int clusterIndex) => _subnet.Host(FirstNodeHost + clusterIndex);

    /// <summary>Host numbers below this are left for the host side of the network (.1) and the user.</summary>
    private const int FirstNodeHost = 10;

    public Ipv4Subnet Subnet => _subnet;

    public MacAddress Mac(string node) => MacAddress.Derive(spec.Stack, node);
}
