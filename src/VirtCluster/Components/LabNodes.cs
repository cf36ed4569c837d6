using System.Net;
using VirtCluster.Cluster;
using VirtCluster.Config;
using VirtCluster.Domains;
using VirtCluster.Images;
using VirtCluster.Lab;
using VirtCluster.LabHost;
using VirtCluster.Resources;
using VirtCluster.Resources.Libvirt;
using VirtCluster.Sdk;

namespace VirtCluster.Components;

/// <summary>
/// What running the cluster on this machine adds: where the nodes' hosts come from, the node image, each node's
/// identity on its kernel command line, and node-to-node SSH once all answer. The hosts are either simulated hosts
/// (<c>lab.hosts</c>: each a namespace with its own sshd and libvirtd, reached over SSH and <c>qemu+libssh</c> as real
/// hosts are, with the image's disk, kernel and initrd uploaded into each host's pool), or the single-machine lab (one
/// namespace with a libvirtd that reads the image from the local cache).
/// </summary>
internal sealed class LabNodes
{
    private readonly LabContext _context;
    private readonly ClusterSpec _spec;
    private readonly Dictionary<string, SimulatedHostResource> _simulated;

    private LabNodes(ClusterSpec spec, LabContext context, ImageSpec imageSpec, NodeImage image, LabEnvironment? environment, Resource resource, string imageKey, Dictionary<string, SimulatedHostResource> simulated)
    {
        _spec = spec;
        _context = context;
        ImageSpec = imageSpec;
        Image = image;
        Environment = environment;
        Resource = resource;
        ImageKey = imageKey;
        _simulated = simulated;
    }

    public ImageSpec ImageSpec { get; }

    /// <summary>The node image, built into the local cache; every host's base volume is filled from it.</summary>
    public NodeImage Image { get; }

    /// <summary>The single-machine lab's daemon; null with simulated hosts.</summary>
    public LabEnvironment? Environment { get; }

    /// <summary>The lab, or the fabric of the simulated hosts: what every host depends on.</summary>
    public Resource Resource { get; }

    /// <summary>The image's cache key: it names the base volume, so a new image is a new volume.</summary>
    public string ImageKey { get; }

    public bool SimulatesHosts => Environment is null;

    /// <summary>Declares the lab or the simulated hosts, and the node image (at the top of the stack, so their URNs are those of earlier versions).</summary>
    public static LabNodes Declare(ClusterSpec spec, LabContext context)
    {
        var imageSpec = ImageSpecLoader.Load(spec.ImageSpecPath);
        var key = new ImageBuilder(context.Images).KeyFor(imageSpec);
        if (spec.Lab!.Fleet is null)
        {
            var environment = new LabEnvironment(spec.Lab.Namespace, context.StateDirectory);
            var lab = new Resources.Lab(spec.Lab.Namespace, new LabArgs { Namespace = environment.Name, StateDirectory = context.StateDirectory });
            var labImage = new NodeImage(imageSpec.Name, new NodeImageArgs { Spec = spec.ImageSpecPath, Key = key, Cache = context.Images.Root });
            return new LabNodes(spec, context, imageSpec, labImage, environment, lab, key, []);
        }

        var fleet = new FleetLayout(spec.Stack, spec.Lab, spec.Network, spec.Backend);
        var fabric = new Fabric(fleet.Fabric, new FabricArgs { Namespace = fleet.Fabric, KeyFile = fleet.KeyFile });
        var image = new NodeImage(imageSpec.Name, new NodeImageArgs { Spec = spec.ImageSpecPath, Key = key, Cache = context.Images.Root });
        var hosts = fleet.Hosts.ToDictionary(
            h => h.Name,
            h => new SimulatedHostResource(h.Name, h, new CustomResourceOptions { DependsOn = { fabric } }));
        return new LabNodes(spec, context, imageSpec, image, null, fabric, key, hosts);
    }

    /// <summary>The simulated host a host object lives on, to depend on; null in the single-machine lab.</summary>
    public Resource? HostResource(string host) => _simulated.GetValueOrDefault(host);

    /// <summary>The libvirt URI of <paramref name="host"/>: the host's own, or the lab daemon's socket.</summary>
    public string Uri(HostSpec host) => Environment?.ConnectionUri ?? host.Uri!;

    /// <summary>Where the pool lives: the host's (as on a real host), or a folder of the lab's state.</summary>
    public string PoolPath(ClusterLayout layout) => Environment?.Paths.Overlays ?? layout.PoolPath;

    public string SerialLogPath(string node, ClusterLayout layout) =>
        Environment is null ? layout.SerialLogPath(node) : Path.Combine(Environment.Paths.Consoles, node + "-console.log");

    /// <summary>How the tool reaches a node on <paramref name="host"/>: through the host over SSH, or from inside the lab's namespace.</summary>
    public Output<HostHop>? Via(string host) => _simulated.TryGetValue(host, out var simulated)
        ? simulated.HostKey.Apply(key => new HostHop(host, simulated.Layout.Address, 22, key))
        : null;

    /// <summary>A simulated host as the bare-metal side of the benchmark stage reaches it; null for any other name.</summary>
    public Output<BareMetalHost>? BareMetalHost(string host) => _simulated.TryGetValue(host, out var simulated)
        ? Via(host)!.Apply(hop => new BareMetalHost(hop, simulated.Layout.ClusterAddress, new ClusterLayout(_spec).Subnet.ToString()))
        : null;

    /// <summary>
    /// The cluster network on a host: with simulated hosts, guests are bridged onto the host's cluster bridge (joined to
    /// the other hosts' by the fabric) with static addresses from the plan; in the single-machine lab, an isolated
    /// network whose DHCP reserves each node's address.
    /// </summary>
    public string NetworkXml(ClusterLayout layout, IReadOnlyList<Planning.NodePlan> plans) => SimulatesHosts
        ? Domains.NetworkXml.Write(new NetworkDefinition(_spec.Network.Name, _spec.Network.Bridge, layout.Subnet, []) { Bridged = true })
        : Domains.NetworkXml.Write(new NetworkDefinition(
            _spec.Network.Name,
            _spec.Network.Bridge,
            layout.Subnet,
            [.. plans.Select((p, i) => new DhcpHost(layout.Mac(p.NodeName), p.NodeName, layout.Address(i)))]));

    /// <summary>With simulated hosts, the kernel and initrd are volumes in each host's pool, uploaded from the image.</summary>
    public string KernelVolume => $"vmlinuz-{ImageKey[..12]}";

    public string InitrdVolume => $"initrd-{ImageKey[..12]}.img";

    /// <summary>
    /// The kernel and initrd a node boots: with simulated hosts, the volumes in the host's pool (a host sees none of this
    /// machine's files); in the single-machine lab, the image's files in the local cache. Known once the image is.
    /// </summary>
    public Output<(string Kernel, string Initrd)> BootFiles(ClusterLayout layout) => SimulatesHosts
        ? Image.Digest.Apply(_ => (Path.Combine(PoolPath(layout), KernelVolume), Path.Combine(PoolPath(layout), InitrdVolume)))
        : Output.Tuple(Image.Kernel, Image.Initrd).Apply(files => (files.Item1, files.Item2));

    /// <summary>Direct kernel boot with the node's identity (name, address, keys, peers) on the command line.</summary>
    /// <remarks>
    /// The keys are read, or made on the first <c>up</c>, only once the boot files are known: a preview of a new stack
    /// shows the boot as known after apply and leaves no key files behind.
    /// </remarks>
    public Output<KernelBoot> Boot(string node, string address, ClusterLayout layout, Output<(string Kernel, string Initrd)> files) =>
        files.Apply(f =>
        {
            var identity = new NodeBootIdentity(
                node,
                IPAddress.Parse(address),
                layout.Subnet.PrefixLength,
                layout.Subnet.Gateway,
                [_context.Keys.Admin.PublicKeyLine, _context.Keys.Cluster.PublicKeyLine],
                _context.Peers);
            return new KernelBoot(f.Kernel, f.Initrd, KernelCommandLine.For(ImageSpec.KernelArgs, identity));
        });

    /// <summary>After the nodes: the cluster key and every node's pinned host key in every node.</summary>
    public ClusterAccess Finish(IReadOnlyList<MemberNode> nodes)
    {
        var args = new ClusterAccessArgs { Namespace = _spec.Lab!.Namespace };
        foreach (var node in nodes)
        {
            args.Nodes.Add(new ClusterNodeArgs { Name = node.Plan.NodeName, Address = node.Address, HostKey = node.Resource.HostKey, Via = Via(node.Plan.HostName) is { } via ? (Input<HostHop>)via : null });
        }

        return new ClusterAccess(_spec.Stack + "-access", args);
    }
}
