using System.Net;
using VirtCluster.Cluster;
using VirtCluster.Config;
using VirtCluster.Domains;
using VirtCluster.Engine.Config;
using VirtCluster.Images;
using VirtCluster.Lab;
using VirtCluster.LabHost;
using VirtCluster.Resources;
using VirtCluster.Resources.Libvirt;
using VirtCluster.Sdk;

namespace VirtCluster.Components;

/// <summary>
/// What running guests on the hosts adds to the cluster: the node image, built here and uploaded into every host's
/// pool, each node's identity on its kernel command line, the route to each node through its host, and node-to-node
/// SSH once all answer. The hosts are real hosts (<c>virtcluster:hosts</c>, reached over their SSH and libvirt URIs),
/// simulated hosts (<c>lab.hosts</c>: the only lab-specific part declares them, and from then on they are reached as
/// real hosts are), or the single-machine lab (one namespace with a libvirtd that reads the image from the local cache).
/// </summary>
internal sealed class NodeProvisioning
{
    private readonly LabContext _context;
    private readonly ClusterSpec _spec;
    private readonly Dictionary<string, SimulatedHostResource> _simulated;
    private readonly Dictionary<string, Output<HostHop>> _hops;

    private NodeProvisioning(ClusterSpec spec, LabContext context, ImageSpec imageSpec, NodeImage image, LabEnvironment? environment, Resource? resource, string imageKey, Dictionary<string, SimulatedHostResource> simulated, Dictionary<string, Output<HostHop>> hops)
    {
        _spec = spec;
        _context = context;
        ImageSpec = imageSpec;
        Image = image;
        Environment = environment;
        Resource = resource;
        ImageKey = imageKey;
        _simulated = simulated;
        _hops = hops;
    }

    public ImageSpec ImageSpec { get; }

    /// <summary>The node image, built into the local cache; every host's base volume is filled from it.</summary>
    public NodeImage Image { get; }

    /// <summary>The single-machine lab's daemon; null on hosts (real or simulated).</summary>
    public LabEnvironment? Environment { get; }

    /// <summary>The lab, or the fabric of the simulated hosts: what every host depends on; null on real hosts.</summary>
    public Resource? Resource { get; }

    /// <summary>The image's cache key: it names the base volume, so a new image is a new volume.</summary>
    public string ImageKey { get; }

    /// <summary>Whether the nodes run on hosts (real or simulated), which see none of this machine's files.</summary>
    public bool OnHosts => Environment is null;

    /// <summary>Declares the lab or the simulated hosts, and the node image (at the top of the stack, so their URNs are those of earlier versions).</summary>
    public static NodeProvisioning Declare(ClusterSpec spec, LabContext context)
    {
        var imageSpec = ImageSpecLoader.Load(spec.ImageSpecPath);
        var key = new ImageBuilder(context.Images).KeyFor(imageSpec);
        NodeImage Image() => new(imageSpec.Name, new NodeImageArgs { Spec = spec.ImageSpecPath, Key = key, Cache = context.Images.Root });
        if (spec.Lab is null)
        {
            // Real hosts: reached over SSH as their administrator reaches them, each host's key already known.
            var hops = spec.Hosts.ToDictionary(
                h => h.Name,
                h => Output.Create(RealHostSsh.Hop(h.Name, h.Ssh ?? throw new ConfigException(null, $"{ConfigKeys.Hosts}.{h.Name}.ssh",
                    $"{h.Name}: missing; give the host an ssh entry (address, user, identityFile) to reach its guests through it"))));
            return new NodeProvisioning(spec, context, imageSpec, Image(), null, null, key, [], hops);
        }

        if (spec.Lab.Fleet is null)
        {
            var environment = new LabEnvironment(spec.Lab.Namespace, context.StateDirectory);
            var lab = new Resources.Lab(spec.Lab.Namespace, new LabArgs { Namespace = environment.Name, StateDirectory = context.StateDirectory });
            return new NodeProvisioning(spec, context, imageSpec, Image(), environment, lab, key, [], []);
        }

        var fleet = new FleetLayout(spec.Stack, spec.Lab, spec.Network, spec.Backend);
        var fabric = new Fabric(fleet.Fabric, new FabricArgs { Namespace = fleet.Fabric, KeyFile = fleet.KeyFile });
        var image = Image();
        var hosts = fleet.Hosts.ToDictionary(
            h => h.Name,
            h => new SimulatedHostResource(h.Name, h, new CustomResourceOptions { DependsOn = { fabric } }));
        var simulatedHops = hosts.ToDictionary(
            h => h.Key,
            h => h.Value.HostKey.Apply(hostKey => new HostHop(h.Key, h.Value.Layout.Address, 22, hostKey)));
        return new NodeProvisioning(spec, context, imageSpec, image, null, fabric, key, hosts, simulatedHops);
    }

    /// <summary>The simulated host a host object lives on, to depend on; null in the single-machine lab.</summary>
    public Resource? HostResource(string host) => _simulated.GetValueOrDefault(host);

    /// <summary>The libvirt URI of <paramref name="host"/>: the host's own, or the lab daemon's socket.</summary>
    public string Uri(HostSpec host) => Environment?.ConnectionUri ?? host.Uri!;

    /// <summary>Where the pool lives: the host's (as on a real host), or a folder of the lab's state.</summary>
    public string PoolPath(ClusterLayout layout) => Environment?.Paths.Overlays ?? layout.PoolPath;

    public string SerialLogPath(string node, ClusterLayout layout) =>
        Environment is null ? layout.SerialLogPath(node) : Path.Combine(Environment.Paths.Consoles, node + "-console.log");

    /// <summary>How the tool reaches a node on <paramref name="host"/>: through the host over SSH; null from inside the lab's namespace.</summary>
    public Output<HostHop>? Via(string host) => _hops.GetValueOrDefault(host);

    /// <summary>
    /// A host as the bare-metal side of the benchmark stage reaches it: over SSH, and at its address on the cluster
    /// network (a simulated host's from the top of the cluster subnet; a real host's <c>clusterAddress</c>, or its SSH
    /// address); null for a name that is no host of the stack.
    /// </summary>
    public Output<BareMetalHost>? BareMetalHost(string host)
    {
        if (Via(host) is not { } via)
        {
            return null;
        }

        var subnet = new ClusterLayout(_spec).Subnet;
        if (_simulated.TryGetValue(host, out var simulated))
        {
            return via.Apply(hop => new BareMetalHost(hop, simulated.Layout.ClusterAddress, subnet.ToString(), BenchmarkStageProvider.SimulatedHostsNote));
        }

        var spec = _spec.Hosts.Single(h => h.Name == host);
        var address = spec.ClusterAddress ?? spec.Ssh!.Address;
        var onCluster = IPAddress.TryParse(address, out var parsed) && subnet.Contains(parsed);
        return via.Apply(hop => new BareMetalHost(hop, address, onCluster ? subnet.ToString() : null));
    }

    /// <summary>
    /// The cluster network on a host: on hosts, guests are bridged onto the host's cluster bridge (which spans the
    /// hosts: a switch joins real hosts', the fabric simulated hosts') with static addresses from the plan; in the single-machine lab, an isolated
    /// network whose DHCP reserves each node's address.
    /// </summary>
    public string NetworkXml(ClusterLayout layout, IReadOnlyList<Planning.NodePlan> plans) => OnHosts
        ? Domains.NetworkXml.Write(new NetworkDefinition(_spec.Network.Name, _spec.Network.Bridge, layout.Subnet, []) { Bridged = true })
        : Domains.NetworkXml.Write(new NetworkDefinition(
            _spec.Network.Name,
            _spec.Network.Bridge,
            layout.Subnet,
            [.. plans.Select((p, i) => new DhcpHost(layout.Mac(p.NodeName), p.NodeName, layout.Address(i)))]));

    /// <summary>On hosts, the kernel and initrd are volumes in each host's pool, uploaded from the image.</summary>
    public string KernelVolume => $"vmlinuz-{ImageKey[..12]}";

    public string InitrdVolume => $"initrd-{ImageKey[..12]}.img";

    /// <summary>
    /// The kernel and initrd a node boots: on hosts, the volumes in the host's pool (a host sees none of this
    /// machine's files); in the single-machine lab, the image's files in the local cache. Known once the image is.
    /// </summary>
    public Output<(string Kernel, string Initrd)> BootFiles(ClusterLayout layout) => OnHosts
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
        var args = new ClusterAccessArgs();
        if (_spec.Lab is { } lab)
        {
            args.Namespace = lab.Namespace;
        }

        foreach (var node in nodes)
        {
            args.Nodes.Add(new ClusterNodeArgs { Name = node.Plan.NodeName, Address = node.Address, HostKey = node.Resource.HostKey, Via = Via(node.Plan.HostName) is { } via ? (Input<HostHop>)via : null });
        }

        return new ClusterAccess(_spec.Stack + "-access", args);
    }
}
