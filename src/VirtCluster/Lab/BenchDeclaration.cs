using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Cluster;
using VirtCluster.Config;
using VirtCluster.Engine.Model;
using VirtCluster.Planning;
using VirtCluster.Resources;

namespace VirtCluster.Lab;

/// <summary>
/// Declares the benchmark stage after the cluster and exports its results as stack outputs. It depends on every
/// node's pinned host key (so a new cluster re-runs it), on the suite's content, and on a trigger that
/// <c>bench</c> advances to re-run it on demand.
/// </summary>
public static class BenchDeclaration
{
    /// <summary>The file whose content is the stage's trigger; <c>bench</c> advances it.</summary>
    public static string TriggerFile(string backend, string stack) => Path.Combine(backend, "bench", stack + ".trigger");

    public static string StageName(ClusterSpec spec) => spec.Stack + "-bench";

    public static Urn StageUrn(ClusterSpec spec) => Urn.Create(spec.Stack, spec.Project, ResourceTypes.BenchmarkStage, StageName(spec));

    public static void Declare(
        StackBuilder stack, ClusterSpec spec, IReadOnlyList<DeclaredNode> nodes, ResourceRef access, LabBinding lab, string backend)
    {
        var suite = spec.Bench.SuitePath!;
        var flavour = nodes[0].Plan.Flavour;
        var fingerprint = new EnvironmentFingerprint(
            flavour.ToString().ToLowerInvariant(),
            flavour switch { DomainFlavour.Kvm => EnvironmentKind.Kvm, DomainFlavour.Tcg => EnvironmentKind.Tcg, _ => EnvironmentKind.Xen },
            Hypervisor: flavour == DomainFlavour.Tcg ? "qemu (TCG)" : flavour.ToString().ToLowerInvariant(),
            ImageDigest: lab.Image?.Digest,
            ConfigHash: Sha256(stack.Config.StackFile));
        var triggerFile = TriggerFile(backend, spec.Stack);
        var stage = stack.Declare(ResourceTypes.BenchmarkStage, StageName(spec), new JsonObject
        {
            ["uri"] = lab.Uri,
            ["namespace"] = spec.Lab!.Namespace,
            ["suite"] = suite,
            ["suiteDigest"] = Sha256(suite),
            ["benchmarks"] = new JsonArray([.. spec.Bench.Benchmarks.Select(b => (JsonNode)JsonValue.Create(b)!)]),
            ["bareMetal"] = new JsonArray([.. spec.Bench.BareMetalHosts.Select(b => (JsonNode)JsonValue.Create(b)!)]),
            ["resultsDirectory"] = Path.Combine(backend, "results", spec.Stack),
            ["fingerprint"] = JsonSerializer.SerializeToNode(fingerprint, ResultsJson.Options),
            ["nodes"] = new JsonArray([.. nodes.Select(n => (JsonNode)new JsonObject
            {
                ["name"] = n.Plan.NodeName,
                ["address"] = n.Address,
                ["hostKey"] = n.Resource.Output("hostKey").ToJson(),
            })]),
            ["trigger"] = File.Exists(triggerFile) ? File.ReadAllText(triggerFile).Trim() : "0",
        }, new ResourceOptions { DependsOn = [access] });

        foreach (var output in new[] { "environments", "ratios", "tables", "runs", "failures", "resultsFile", "rawOutputs" })
        {
            stack.Export(output, stage.Output(output));
        }
    }

    private static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
}
