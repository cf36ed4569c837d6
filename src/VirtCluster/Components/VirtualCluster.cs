using System.Collections.Immutable;
using VirtCluster.App;
using VirtCluster.Cluster;
using VirtCluster.Config;
using VirtCluster.Domains;
using VirtCluster.Hosts;
using VirtCluster.Images;
using VirtCluster.Lab;
using VirtCluster.LabHost;
using VirtCluster.Planning;
using VirtCluster.Resources;
using VirtCluster.Sdk;

namespace VirtCluster.Components;

/// <summary>
/// The virtual cluster: reads every host's facts, runs preflight over all hosts at once (nothing is declared when a
/// check fails), then per host records the host and declares a storage pool, the base image filled from the node
/// image, the cluster network, and per node an overlay and the domain (vCPUs pinned, guest NUMA, memory and the HCA
/// passed through as planned). On this machine it first declares the lab the nodes run in, and node-to-node SSH last.
/// </summary>
public sealed class VirtualCluster : ComponentResource
{
    public VirtualCluster(string name, VirtualClusterArgs args, ComponentResourceOptions? options = null)
        : base(ResourceTypes.Cluster, name, options)
    {
        Spec = args.Spec;
        Members = DeclareAsync(args.Spec, VirtClusterPackage.Current, Deployment.CancellationToken);
        var members = Output.Create(Members);
        Nodes = members.Apply(m => m.Nodes.Select(n => ClusterNode.Of(n.Plan, n.Address)).ToImmutableArray());
        Preflight = members.Apply(m => m.Preflight);
        RegisterOutputs(new Dictionary<string, object?> { ["nodes"] = Nodes, ["preflight"] = Preflight });
    }

    /// <summary>Every node: name, host, address, vCPUs, memory, pinning, guest NUMA cells, hypervisor and passthrough.</summary>
    [Output("nodes")]
    public Output<ImmutableArray<ClusterNode>> Nodes { get; }

    /// <summary>How many checks passed, warned and failed on all hosts, and the warnings.</summary>
    [Output("preflight")]
    public Output<PreflightSummary> Preflight { get; }

    internal ClusterSpec Spec { get; }

    /// <summary>What was declared, once the hosts' facts are read: the benchmark stage reaches the nodes through it.</summary>
    internal Task<ClusterMembers> Members { get; }

    private async Task<ClusterMembers> DeclareAsync(ClusterSpec spec, VirtClusterPackage package, CancellationToken cancellationToken)
    {
        var facts = await package.Facts.ReadAllAsync(spec, cancellationToken).ConfigureAwait(false);
        var report = Hosts.Preflight.Run(spec, facts);
        if (report.HasFailures)
        {
            throw new PreflightFailedException(report);
        }

        var layout = new ClusterLayout(spec);
        var plans = facts.SelectMany(f => NodePlanner.PlanHost(spec, f)).ToList();
        layout.EnsureRoomFor(plans.Count);
        // Hosts that run guests get the image, the nodes' identities and routes; hosts modelled by libvirt's test driver only the declarations.
        var lab = spec.RunsGuests ? NodeProvisioning.Declare(spec, package.LabContext(spec)) : null;
        var image = lab?.Image;
        var imageSize = lab?.ImageSpec.SizeBytes ?? 3L << 30;
        var child = new CustomResourceOptions { Parent = this };
        var nodes = new List<MemberNode>();

        foreach (var hostFacts in facts)
        {
            var hostSpec = spec.Hosts.Single(h => h.Name == hostFacts.HostName);
            var uri = lab?.Uri(hostSpec) ?? hostSpec.Uri!;
            var onLab = lab?.HostResource(hostFacts.HostName) ?? lab?.Resource;
            var host = new Host(hostFacts.HostName, HostArgs.From(hostFacts, hostSpec.Uri), With(child, onLab));
            var onHost = With(child, onLab, host);

            var poolPath = lab?.PoolPath(layout) ?? layout.PoolPath;
            var pool = new StoragePool($"{hostFacts.HostName}-pool", new StoragePoolArgs
            {
                Uri = uri,
                Host = hostFacts.HostName,
                Name = layout.PoolName,
                Xml = StorageXml.DirPool(layout.PoolName, poolPath),
            }, onHost);

            var clusterNetwork = new Resources.Network($"{hostFacts.HostName}-net", new NetworkArgs
            {
                Uri = uri,
                Host = hostFacts.HostName,
                Name = spec.Network.Name,
                Xml = lab?.NetworkXml(layout, plans) ?? NetworkXml.Write(new NetworkDefinition(
                    spec.Network.Name,
                    spec.Network.Bridge,
                    layout.Subnet,
                    [.. plans.Select((p, i) => new DhcpHost(layout.Mac(p.NodeName), p.NodeName, layout.Address(i)))])),
            }, onHost);
            var network = spec.Network.Name;

            var baseName = lab is null ? "base.qcow2" : $"base-{lab.ImageKey[..12]}.qcow2";
            var baseImage = new BaseImageVolume($"{hostFacts.HostName}-base", new VolumeArgs
            {
                Uri = uri,
                Host = hostFacts.HostName,
                Pool = layout.PoolName,
                Name = baseName,
                Xml = StorageXml.BaseVolume(baseName, imageSize),
                UploadFrom = image is null ? null : (Input<string>)image.Disk,
                Digest = image is null ? null : (Input<string>)image.Digest,
            }, With(child, pool, image));

            // A host sees none of this machine's files: the kernel and initrd go into its pool beside the disk.
            var bootVolumes = new List<Resource>();
            if (lab is { OnHosts: true })
            {
                foreach (var (volume, file) in new[] { (lab.KernelVolume, lab.Image.Kernel), (lab.InitrdVolume, lab.Image.Initrd) })
                {
                    bootVolumes.Add(new BaseImageVolume($"{hostFacts.HostName}-{volume}", new VolumeArgs
                    {
                        Uri = uri,
                        Host = hostFacts.HostName,
                        Pool = layout.PoolName,
                        Name = volume,
                        Xml = file.Apply(path => StorageXml.RawVolume(volume, new FileInfo(path).Length)),
                        UploadFrom = file,
                        Digest = lab.Image.Digest,
                    }, With(child, pool, lab.Image)));
                }
            }

            var via = lab?.Via(hostFacts.HostName);
            foreach (var plan in plans.Where(p => p.HostName == hostFacts.HostName))
            {
                var index = plans.IndexOf(plan);
                var overlayName = layout.Overlay(plan.NodeName);
                var overlay = new OverlayVolume(plan.NodeName + "-disk", new VolumeArgs
                {
                    Uri = uri,
                    Host = hostFacts.HostName,
                    Pool = layout.PoolName,
                    Name = overlayName,
                    Xml = StorageXml.Overlay(overlayName, imageSize, Path.Combine(poolPath, baseName)),
                }, With(child, baseImage));

                var address = layout.Address(index).ToString();
                var serialLog = lab?.SerialLogPath(plan.NodeName, layout) ?? layout.SerialLogPath(plan.NodeName);
                string Xml(KernelBoot? boot) => DomainXml.Write(DomainDefinition.FromPlan(
                    plan, new NodeMachine(boot, layout.OverlayPath(plan.NodeName, poolPath), network, layout.Mac(plan.NodeName), serialLog)));
                var node = new Node(plan.NodeName, new NodeArgs
                {
                    Uri = uri,
                    Name = plan.NodeName,
                    Host = plan.HostName,
                    Xml = lab is null ? Xml(null) : lab.Boot(plan.NodeName, address, layout, lab.BootFiles(layout)).Apply(Xml),
                    Addresses = { address },
                    Macs = { layout.Mac(plan.NodeName).ToString() },
                    ShutdownTimeoutSeconds = spec.Lab is null ? 30 : 0, // a real host's guest shuts down cleanly; a lab guest holds nothing
                    SerialLog = serialLog,
                    Via = via is null ? null : (Input<HostHop>)via,
                }, With(child, [overlay, clusterNetwork, .. bootVolumes]));
                nodes.Add(new MemberNode(node, plan, address));
            }
        }

        var access = lab?.Finish(nodes);
        return new ClusterMembers(nodes, Summary(report), lab, access);
    }

    private static CustomResourceOptions With(CustomResourceOptions options, params Resource?[] dependsOn) => new()
    {
        Parent = options.Parent,
        DependsOn = [.. dependsOn.OfType<Resource>()],
    };

    private static PreflightSummary Summary(PreflightReport report) => new(
        report.Checks.Count(c => c.Verdict == Verdict.Pass),
        report.Checks.Count(c => c.Verdict == Verdict.Warn),
        report.Checks.Count(c => c.Verdict == Verdict.Fail),
        [.. report.Checks.Where(c => c.Verdict == Verdict.Warn).Select(c => $"{c.Host}: {c.Check}: {c.Found}")]);
}

/// <summary>A node as declared: its resource, its plan, and the address it answers on.</summary>
internal sealed record MemberNode(Node Resource, NodePlan Plan, string Address);

/// <summary>What the cluster declared: its nodes, the preflight summary, and on this machine the lab and node access.</summary>
internal sealed record ClusterMembers(IReadOnlyList<MemberNode> Nodes, PreflightSummary Preflight, NodeProvisioning? Lab, ClusterAccess? Access);
