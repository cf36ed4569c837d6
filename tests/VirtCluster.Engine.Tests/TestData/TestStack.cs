using System.Text.Json.Nodes;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.State;
using VirtCluster.Engine.Testing;

namespace VirtCluster.Engine.Tests.TestData;

/// <summary>
/// Builds cluster-shaped stacks (Host, Pool, BaseImage, Overlay, Network, Node per host) over an in-memory cloud,
/// with knobs to change inputs between runs.
/// </summary>
internal sealed class TestStack
{
    public const string Project = "lab";

    public InMemoryCloud Cloud { get; } = new();

    public IStateStore Store { get; init; } = new InMemoryStateStore();

    public int Hosts { get; set; } = 2;

    public int Vcpus { get; set; } = 8;

    public string Image { get; set; } = "bookworm";

    public string? Password { get; set; }

    public Func<string, Urn, bool>? FailWhen { get; set; }

    public TimeSpan Delay { get; set; }

    public RecordingObserver Observer { get; } = new();

    public StackBuilder Build(string stack = "dev")
    {
        var builder = new StackBuilder(Project, stack, new StackConfig(Project, stack, "/nonexistent/Pulumi." + stack + ".yaml", new Dictionary<string, ConfigNode>()));
        Declare(builder);
        return builder;
    }

    /// <summary>The program: what <see cref="Build"/> declares, usable as a <see cref="StackProgram"/>.</summary>
    /// <summary>When set, the program fails with it, as a program whose hosts cannot be reached would.</summary>
    public Exception? ProgramFailure { get; set; }

    public void Declare(StackBuilder builder)
    {
        if (ProgramFailure is not null)
        {
            throw ProgramFailure;
        }

        var network = builder.Declare("test:Network", "net", new JsonObject { ["subnet"] = "10.0.0.0/24" });
        for (var h = 0; h < Hosts; h++)
        {
            var host = builder.Component("test:Host", $"h{h}");
            var inHost = new ResourceOptions { Parent = host };
            var pool = builder.Declare("test:Pool", $"pool-h{h}", new JsonObject { ["host"] = $"h{h}" }, inHost);
            var image = builder.Declare("test:BaseImage", $"img-h{h}", new JsonObject { ["host"] = $"h{h}", ["image"] = Image, ["pool"] = pool.Output("id").ToJson() }, inHost);
            var overlay = builder.Declare("test:Overlay", $"ovl-h{h}", new JsonObject { ["host"] = $"h{h}", ["base"] = image.Output("id").ToJson() }, inHost);
            var nodeInputs = new JsonObject
            {
                ["host"] = $"h{h}",
                ["vcpus"] = Vcpus,
                ["disk"] = overlay.Output("id").ToJson(),
                ["network"] = network.Output("id").ToJson(),
            };
            if (Password is not null)
            {
                nodeInputs["password"] = SecretValue.Wrap(Password);
            }

            var node = builder.Declare("test:Node", $"node-h{h}", nodeInputs, inHost);
            builder.Export($"node{h}", node.Output("id"));
        }

        builder.Export("hosts", Hosts);
        if (Password is not null)
        {
            builder.Export("password", SecretValue.Wrap(Password));
        }

        builder.Export("table", new JsonObject { ["rows"] = new JsonArray(1, 2.5) });
    }

    public ProviderRegistry Providers() => new(ProviderList());

    public IReadOnlyList<IResourceProvider> ProviderList() =>
    [
        Provider("test:Network"),
        Provider("test:Pool"),
        Provider("test:BaseImage", replaceOn: ["image", "pool"]),
        Provider("test:Overlay", replaceOn: ["base"]),
        Provider("test:Node", restartOn: ["vcpus"]),
    ];

    public StackEngine Engine(string stack = "dev") => new(Build(stack), Providers(), Store, Observer);

    private InMemoryProvider Provider(string type, string[]? replaceOn = null, string[]? restartOn = null) => new(type, Cloud)
    {
        ReplaceOn = new HashSet<string>(replaceOn ?? ["host"]),
        RestartOn = new HashSet<string>(restartOn ?? []),
        Required = type == "test:Network" ? ["subnet"] : ["host"],
        ConcurrencyKeyInput = type == "test:Network" ? null : "host",
        FailWhen = (op, urn) => FailWhen?.Invoke(op, urn) == true,
        Delay = Delay,
    };
}
