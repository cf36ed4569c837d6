using System.Globalization;
using System.Text.Json.Nodes;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.Testing;

namespace VirtCluster.Benchmarks.Engine;

/// <summary>
/// A program shaped like the cluster's: per host a Host component with Pool, BaseImage, Overlay, Network and Node
/// (six resources), wired by output references as the real program wires them. Runs on in-memory providers.
/// </summary>
public static class ClusterGraph
{
    public const string Prefix = "bench:";

    public static void Declare(StackBuilder stack, int hosts, string image)
    {
        for (var h = 0; h < hosts; h++)
        {
            var name = "h" + h.ToString(CultureInfo.InvariantCulture);
            var host = stack.Component(Prefix + "Host", name);
            var inHost = new ResourceOptions { Parent = host };
            var pool = stack.Declare(Prefix + "Pool", $"pool-{name}", new JsonObject { ["host"] = name, ["path"] = $"/var/lib/virtcluster/{name}" }, inHost);
            var baseImage = stack.Declare(Prefix + "BaseImage", $"base-{name}", new JsonObject { ["host"] = name, ["image"] = image, ["pool"] = pool.Output("id").ToJson() }, inHost);
            var overlay = stack.Declare(Prefix + "Overlay", $"overlay-{name}", new JsonObject { ["host"] = name, ["backing"] = baseImage.Output("id").ToJson(), ["sizeGiB"] = 20 }, inHost);
            var network = stack.Declare(Prefix + "Network", $"net-{name}", new JsonObject { ["host"] = name, ["subnet"] = $"10.{h / 256}.{h % 256}.0/24" }, inHost);
            var node = stack.Declare(Prefix + "Node", $"node-{name}", new JsonObject
            {
                ["host"] = name,
                ["vcpus"] = 8,
                ["memoryMiB"] = 46080,
                ["disk"] = overlay.Output("id").ToJson(),
                ["network"] = network.Output("id").ToJson(),
            }, inHost);
            stack.Export($"node-{name}", node.Output("id"));
        }

        stack.Export("hosts", hosts);
    }

    /// <summary>The program as the CLI runs it: sizes from the stack's configuration (<c>bench:hosts</c>, <c>bench:image</c>).</summary>
    public static void FromConfig(StackBuilder stack) =>
        Declare(stack, int.Parse(Scalar(stack.Config, "hosts") ?? "16", CultureInfo.InvariantCulture), Scalar(stack.Config, "image") ?? "bookworm");

    public static IReadOnlyList<IResourceProvider> Providers(InMemoryCloud cloud) =>
    [
        Provider("Pool", cloud, replaceOn: ["host", "path"]),
        Provider("BaseImage", cloud, replaceOn: ["host", "image", "pool"]),
        Provider("Overlay", cloud, replaceOn: ["host", "backing"]),
        Provider("Network", cloud, replaceOn: ["host", "subnet"]),
        Provider("Node", cloud, replaceOn: ["host", "disk"], restartOn: ["vcpus", "memoryMiB"]),
    ];

    /// <summary>Providers whose objects persist in <c>bench:cloudFile</c>, so separate processes see one "cloud".</summary>
    public static IReadOnlyList<IResourceProvider> ProvidersFromConfig(StackConfig config) =>
        Providers(new InMemoryCloud(Scalar(config, "cloudFile") ?? throw new ConfigException("bench:cloudFile is not set")));

    private static InMemoryProvider Provider(string type, InMemoryCloud cloud, string[] replaceOn, string[]? restartOn = null) =>
        new(Prefix + type, cloud)
        {
            ReplaceOn = new HashSet<string>(replaceOn),
            RestartOn = new HashSet<string>(restartOn ?? []),
            Required = ["host"],
            ConcurrencyKeyInput = type is "Pool" or "BaseImage" or "Overlay" ? "host" : null,
        };

    private static string? Scalar(StackConfig config, string key) => (config.Get(Prefix + key) as ConfigScalar)?.Value;
}
