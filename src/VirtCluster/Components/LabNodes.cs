using System.Net;
using VirtCluster.Cluster;
using VirtCluster.Config;
using VirtCluster.Domains;
using VirtCluster.Images;
using VirtCluster.Lab;
using VirtCluster.LabHost;
using VirtCluster.Resources;
using VirtCluster.Sdk;

namespace VirtCluster.Components;

/// <summary>
/// What running the cluster on this machine adds: the lab (a network namespace with its own libvirtd) that every
/// host object lives in, each node's identity on its kernel command line, and node-to-node SSH once all answer.
/// </summary>
internal sealed class LabNodes
{
    private readonly LabContext _context;

    private LabNodes(LabContext context, ImageSpec imageSpec, NodeImage image, LabEnvironment environment, Resources.Lab resource, string imageKey)
    {
        _context = context;
        ImageSpec = imageSpec;
        Image = image;
        Environment = environment;
        Resource = resource;
        ImageKey = imageKey;
    }

    public ImageSpec ImageSpec { get; }

    /// <summary>The node image, built into the local cache; every host's base volume is filled from it.</summary>
    public NodeImage Image { get; }

    public LabEnvironment Environment { get; }

    public Resources.Lab Resource { get; }

    public string Uri => Environment.ConnectionUri;

    public string PoolPath => Environment.Paths.Overlays;

    /// <summary>The image's cache key: it names the base volume, so a new image is a new volume.</summary>
    public string ImageKey { get; }

    /// <summary>Declares the lab and the node image (at the top of the stack, so their URNs are those of earlier versions).</summary>
    public static LabNodes Declare(ClusterSpec spec, LabContext context)
    {
        var environment = new LabEnvironment(spec.Lab!.Namespace, context.StateDirectory);
        var lab = new Resources.Lab(spec.Lab.Namespace, new LabArgs { Namespace = environment.Name, StateDirectory = context.StateDirectory });
        var imageSpec = ImageSpecLoader.Load(spec.ImageSpecPath);
        var key = new ImageBuilder(context.Images).KeyFor(imageSpec);
        var image = new NodeImage(imageSpec.Name, new NodeImageArgs { Spec = spec.ImageSpecPath, Key = key, Cache = context.Images.Root });
        return new LabNodes(context, imageSpec, image, environment, lab, key);
    }

    public string SerialLogPath(string node) => Path.Combine(Environment.Paths.Consoles, node + "-console.log");

    /// <summary>Direct kernel boot from the image, with the node's identity (name, address, keys, peers) on the command line.</summary>
    /// <remarks>
    /// The keys are read, or made on the first <c>up</c>, only once the image's kernel and initrd are known: a preview
    /// of a new stack shows the boot as known after apply and leaves no key files behind.
    /// </remarks>
    public Output<KernelBoot> Boot(string node, string address, ClusterLayout layout) =>
        Output.Tuple(Image.Kernel, Image.Initrd).Apply(files =>
        {
            var identity = new NodeBootIdentity(
                node,
                IPAddress.Parse(address),
                layout.Subnet.PrefixLength,
                layout.Subnet.Gateway,
                [_context.Keys.Admin.PublicKeyLine, _context.Keys.Cluster.PublicKeyLine],
                _context.Peers);
            return new KernelBoot(files.Item1, files.Item2, KernelCommandLine.For(ImageSpec.KernelArgs, identity));
        });

    /// <summary>After the nodes: the cluster key and every node's pinned host key in every node.</summary>
    public static ClusterAccess Finish(ClusterSpec spec, IReadOnlyList<MemberNode> nodes)
    {
        var args = new ClusterAccessArgs { Namespace = spec.Lab!.Namespace };
        foreach (var node in nodes)
        {
            args.Nodes.Add(new ClusterNodeArgs { Name = node.Plan.NodeName, Address = node.Address, HostKey = node.Resource.HostKey });
        }

        return new ClusterAccess(spec.Stack + "-access", args);
    }
}
