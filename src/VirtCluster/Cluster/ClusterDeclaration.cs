using System.Text.Json.Nodes;
using VirtCluster.Config;
using VirtCluster.Domains;
using VirtCluster.Engine.Model;
using VirtCluster.Hosts;
using VirtCluster.Planning;
using VirtCluster.Resources;

namespace VirtCluster.Cluster;

/// <summary>
/// Turns a validated cluster spec and the hosts' facts into the resource graph: per host a Host record, a
/// storage pool, a base image, the isolated network; per node an overlay and the domain. Preflight runs first,
/// over every host at once, and stops the program before anything is declared when any check fails.
/// </summary>
public static class ClusterDeclaration
{
    /// <summary>Declares the cluster and returns the declared nodes, for the benchmark stage and the outputs.</summary>
    public static IReadOnlyList<DeclaredNode> Declare(
        StackBuilder stack, ClusterSpec spec, IReadOnlyList<HostFacts> facts, LabBinding? lab = null)
    {
        var report = Preflight.Run(spec, facts);
        if (report.HasFailures)
        {
            throw new PreflightFailedException(report);
        }

        var layout = new ClusterLayout(spec);
        var plans = facts.SelectMany(f => NodePlanner.PlanHost(spec, f)).ToList();
        layout.EnsureRoomFor(plans.Count);
        var cluster = stack.Component(ResourceTypes.Cluster, spec.Stack);
        var parent = new ResourceOptions { Parent = cluster };
        var nodes = new List<DeclaredNode>();

        foreach (var hostFacts in facts)
        {
            var hostSpec = spec.Hosts.Single(h => h.Name == hostFacts.HostName);
            var uri = lab?.Uri ?? hostSpec.Uri!;
            var under = lab?.Resource is { } labResource ? parent with { DependsOn = [labResource] } : parent;
            var host = stack.Declare(ResourceTypes.Host, hostFacts.HostName, HostSummary.Of(hostFacts, hostSpec.Uri), under);
            var onHost = parent with { DependsOn = [.. under.DependsOn, host] };

            var poolPath = lab?.PoolPath ?? layout.PoolPath;
            var pool = stack.Declare(ResourceTypes.Pool, $"{hostFacts.HostName}-pool", new JsonObject
            {
                ["uri"] = uri,
                ["host"] = hostFacts.HostName,
                ["name"] = layout.PoolName,
                ["xml"] = StorageXml.DirPool(layout.PoolName, poolPath),
            }, onHost);

            var hostPlans = plans.Where(p => p.HostName == hostFacts.HostName).ToList();
            var network = stack.Declare(ResourceTypes.Network, $"{hostFacts.HostName}-net", new JsonObject
            {
                ["uri"] = uri,
                ["host"] = hostFacts.HostName,
                ["name"] = spec.Network.Name,
                ["xml"] = NetworkXml.Write(new NetworkDefinition(
                    spec.Network.Name,
                    spec.Network.Bridge,
                    layout.Subnet,
                    [.. plans.Select((p, i) => new DhcpHost(layout.Mac(p.NodeName), p.NodeName, layout.Address(i)))])),
            }, onHost);

            var baseName = lab?.Image is { } image ? $"base-{image.Digest[..12]}.qcow2" : "base.qcow2";
            var baseImage = stack.Declare(ResourceTypes.BaseImage, $"{hostFacts.HostName}-base", new JsonObject
            {
                ["uri"] = uri,
                ["host"] = hostFacts.HostName,
                ["pool"] = layout.PoolName,
                ["name"] = baseName,
                ["xml"] = BaseVolumeXml(baseName, lab?.Image?.CapacityBytes ?? 3L << 30),
                // The image's outputs, not its cache path: on a first run the file exists only once the image is built.
                ["uploadFrom"] = lab?.ImageResource?.Output("disk").ToJson(),
                ["digest"] = lab?.ImageResource?.Output("digest").ToJson(),
            }, parent with { DependsOn = lab?.ImageResource is { } imageResource ? [pool, imageResource] : [pool] });

            foreach (var plan in hostPlans)
            {
                var index = plans.IndexOf(plan);
                var overlayName = layout.Overlay(plan.NodeName);
                var overlay = stack.Declare(ResourceTypes.Overlay, plan.NodeName + "-disk", new JsonObject
                {
                    ["uri"] = uri,
                    ["host"] = hostFacts.HostName,
                    ["pool"] = layout.PoolName,
                    ["name"] = overlayName,
                    ["xml"] = StorageXml.Overlay(overlayName, lab?.Image?.CapacityBytes ?? 3L << 30, Path.Combine(poolPath, baseName)),
                }, parent with { DependsOn = [baseImage] });

                var address = layout.Address(index).ToString();
                var machine = new NodeMachine(
                    lab?.KernelBoot(plan.NodeName, address, layout),
                    layout.OverlayPath(plan.NodeName, poolPath),
                    spec.Network.Name,
                    layout.Mac(plan.NodeName),
                    lab?.SerialLogPath(plan.NodeName) ?? layout.SerialLogPath(plan.NodeName));
                var node = stack.Declare(ResourceTypes.Node, plan.NodeName, new JsonObject
                {
                    ["uri"] = uri,
                    ["name"] = plan.NodeName,
                    ["host"] = plan.HostName,
                    ["xml"] = DomainXml.Write(DomainDefinition.FromPlan(plan, machine)),
                    ["addresses"] = new JsonArray(address),
                    ["macs"] = new JsonArray(layout.Mac(plan.NodeName).ToString()),
                    ["shutdownTimeoutSeconds"] = lab is null ? 30 : 0,
                    ["serialLog"] = machine.SerialLogPath,
                }, parent with { DependsOn = [overlay, network] });
                nodes.Add(new DeclaredNode(node, plan, address));
            }
        }

        stack.Export("preflight", PreflightSummary(report));
        stack.Export("nodes", new JsonArray([.. nodes.Select(n => n.Describe())]));
        return nodes;
    }

    private static string BaseVolumeXml(string name, long capacityBytes) =>
        new System.Xml.Linq.XElement(
            "volume",
            new System.Xml.Linq.XElement("name", name),
            new System.Xml.Linq.XElement("capacity", new System.Xml.Linq.XAttribute("unit", "bytes"), capacityBytes),
            new System.Xml.Linq.XElement("target", new System.Xml.Linq.XElement("format", new System.Xml.Linq.XAttribute("type", "qcow2"))))
            .ToString();

    private static JsonObject PreflightSummary(PreflightReport report) => new()
    {
        ["pass"] = report.Checks.Count(c => c.Verdict == Verdict.Pass),
        ["warn"] = report.Checks.Count(c => c.Verdict == Verdict.Warn),
        ["fail"] = report.Checks.Count(c => c.Verdict == Verdict.Fail),
        ["warnings"] = new JsonArray([.. report.Checks.Where(c => c.Verdict == Verdict.Warn)
            .Select(c => (JsonNode)JsonValue.Create($"{c.Host}: {c.Check}: {c.Found}")!)]),
    };
}

/// <summary>A node as declared: its resource, its plan, and the address it will answer on.</summary>
public sealed record DeclaredNode(ResourceRef Resource, NodePlan Plan, string Address)
{
    public JsonObject Describe() => new()
    {
        ["name"] = Plan.NodeName,
        ["host"] = Plan.HostName,
        ["address"] = Address,
        ["vcpus"] = Plan.Vcpus,
        ["memoryBytes"] = Plan.MemoryBytes,
        ["pinning"] = Plan.Pinning.ToString().ToLowerInvariant(),
        ["pinnedCpus"] = new JsonArray([.. Plan.VcpuPins.Select(p => (JsonNode)JsonValue.Create(string.Join(',', p.HostCpus))!)]),
        ["numaCells"] = Plan.NumaCells.Count,
        ["hypervisor"] = Plan.Flavour.ToString().ToLowerInvariant(),
        ["passthrough"] = Plan.Hostdev?.ToString(),
        ["notes"] = new JsonArray([.. Plan.Notes.Select(n => (JsonNode)JsonValue.Create(n)!)]),
    };
}
