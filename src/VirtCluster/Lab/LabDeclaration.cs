using System.Text.Json.Nodes;
using VirtCluster.Cluster;
using VirtCluster.Config;
using VirtCluster.Domains;
using VirtCluster.Engine.Model;
using VirtCluster.Images;
using VirtCluster.Network;
using VirtCluster.Resources;

namespace VirtCluster.Lab;

/// <summary>
/// Lab mode's part of the graph: the private libvirtd and the node image come first; every node boots the image's
/// kernel with its identity on the command line; once all nodes answer, node-to-node SSH is set up.
/// </summary>
public static class LabDeclaration
{
    /// <summary>Declares the lab and the image and returns what the cluster declaration needs to place nodes in the lab.</summary>
    public static LabBinding Begin(StackBuilder stack, ClusterSpec spec, LabContext context)
    {
        var lab = new LabEnvironment(spec.Lab!.Namespace, context.StateDirectory);
        var labResource = stack.Declare(ResourceTypes.Lab, spec.Lab.Namespace, new JsonObject
        {
            ["namespace"] = lab.Name,
            ["stateDirectory"] = context.StateDirectory,
        });

        var imageSpec = ImageSpecLoader.Load(spec.ImageSpecPath);
        var key = new ImageBuilder(context.Images).KeyFor(imageSpec);
        var imageResource = stack.Declare(ImageProvider.TypeName, imageSpec.Name, new JsonObject
        {
            ["spec"] = spec.ImageSpecPath,
            ["key"] = key,
            ["cache"] = context.Images.Root,
        });

        var directory = Path.Combine(context.Images.Root, key);
        var image = new LabImage(
            key,
            Path.Combine(directory, BuiltImage.KernelFileName),
            Path.Combine(directory, BuiltImage.InitrdFileName),
            imageSpec.SizeBytes);
        var peers = new Dictionary<string, System.Net.IPAddress>();
        return new LabBinding(
            lab.ConnectionUri,
            labResource,
            lab.Paths.Overlays,
            lab.Paths.Consoles,
            image,
            (node, address, layout) => new KernelBoot(
                image.Kernel,
                image.Initrd,
                KernelCommandLine.For(imageSpec.KernelArgs, new NodeBootIdentity(
                    node,
                    System.Net.IPAddress.Parse(address),
                    layout.Subnet.PrefixLength,
                    layout.Subnet.Gateway,
                    [context.Keys.Admin.PublicKeyLine, context.Keys.Cluster.PublicKeyLine],
                    context.Peers))))
        {
            ImageResource = imageResource,
        };
    }

    /// <summary>After the nodes: install the cluster key and every node's pinned host key in every node.</summary>
    public static ResourceRef Finish(StackBuilder stack, ClusterSpec spec, IReadOnlyList<DeclaredNode> nodes) =>
        stack.Declare(ClusterAccessProvider.TypeName, spec.Stack + "-access", new JsonObject
        {
            ["namespace"] = spec.Lab!.Namespace,
            ["nodes"] = new JsonArray([.. nodes.Select(n => (JsonNode)new JsonObject
            {
                ["name"] = n.Plan.NodeName,
                ["address"] = n.Address,
                ["hostKey"] = n.Resource.Output("hostKey").ToJson(),
            })]),
        });
}

/// <summary>Where lab mode keeps its state, its keys and its images, and the cluster's names for /etc/hosts.</summary>
public sealed record LabContext(string StateDirectory, StackKeys Keys, ImageCache Images, IReadOnlyDictionary<string, System.Net.IPAddress> Peers);
