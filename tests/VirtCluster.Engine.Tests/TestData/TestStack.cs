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

    /// <summary>Outputs exported besides the stack's own, e.g. a real stack's outputs to render.</summary>
    public JsonObject? MoreOutputs { get; set; }

    /// <summary>Whether the providers report a detail and a status line per operation.</summary>
    public bool ReportsLines { get; set; }

    public RecordingObserver Observer { get; } = new();

    /// <summary>Options of resources by name (<c>net</c>, <c>h0</c>, <c>node-h1</c>, ...); the program sets the parent.</summary>
    public Dictionary<string, ResourceOptions> Options { get; } = [];

    public StackBuilder Build(string stack = "dev")
    {
        var builder = EmptyProgram(stack);
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

        var network = builder.Declare("test:Network", "net", new JsonObject { ["subnet"] = "10.0.0.0/24" }, OptionsOf("net", null));
        for (var h = 0; h < Hosts; h++)
        {
            var host = builder.Component("test:Host", $"h{h}", OptionsOf($"h{h}", null));
            var pool = builder.Declare("test:Pool", $"pool-h{h}", new JsonObject { ["host"] = $"h{h}" }, OptionsOf($"pool-h{h}", host));
            var image = builder.Declare("test:BaseImage", $"img-h{h}", new JsonObject { ["host"] = $"h{h}", ["image"] = Image, ["pool"] = pool.Output("id").ToJson() }, OptionsOf($"img-h{h}", host));
            var overlay = builder.Declare("test:Overlay", $"ovl-h{h}", new JsonObject { ["host"] = $"h{h}", ["base"] = image.Output("id").ToJson() }, OptionsOf($"ovl-h{h}", host));
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

            var node = builder.Declare("test:Node", $"node-h{h}", nodeInputs, OptionsOf($"node-h{h}", host));
            builder.Export($"node{h}", node.Output("id"));
        }

        builder.Export("hosts", Hosts);
        if (Password is not null)
        {
            builder.Export("password", SecretValue.Wrap(Password));
        }

        builder.Export("table", new JsonObject { ["rows"] = new JsonArray(1, 2.5) });
        foreach (var (name, value) in MoreOutputs ?? [])
        {
            builder.Export(name, value?.DeepClone());
        }
    }

    public ProviderRegistry Providers() => new(ProviderList());

    /// <summary>An engine with an empty program, as <c>destroy</c> and <c>refresh</c> run: only the state speaks.</summary>
    public StackEngine EngineWithoutProgram(string stack = "dev") => new(EmptyProgram(stack), Providers(), Store, Observer);

    /// <summary>A builder on which nothing is declared yet.</summary>
    public static StackBuilder EmptyProgram(string stack = "dev") =>
        new(Project, stack, new StackConfig(Project, stack, "/nonexistent/Pulumi." + stack + ".yaml", new Dictionary<string, ConfigNode>()));

    public IReadOnlyList<IResourceProvider> ProviderList() =>
    [
        Provider("test:Network"),
        Provider("test:Pool"),
        Provider("test:BaseImage", replaceOn: ["image", "pool"]),
        Provider("test:Overlay", replaceOn: ["base"]),
        Provider("test:Node", restartOn: ["vcpus"]),
    ];

    public StackEngine Engine(string stack = "dev") => new(Build(stack), Providers(), Store, Observer);

    private ResourceOptions OptionsOf(string name, ResourceRef? parent) =>
        (Options.GetValueOrDefault(name) ?? new ResourceOptions()) with { Parent = parent };

    private InMemoryProvider Provider(string type, string[]? replaceOn = null, string[]? restartOn = null) => new(type, Cloud)
    {
        ReplaceOn = new HashSet<string>(replaceOn ?? ["host"]),
        RestartOn = new HashSet<string>(restartOn ?? []),
        Required = type == "test:Network" ? ["subnet"] : ["host"],
        ConcurrencyKeyInput = type == "test:Network" ? null : "host",
        FailWhen = (op, urn) => FailWhen?.Invoke(op, urn) == true,
        Delay = Delay,
        ReportsLines = ReportsLines,
    };
}
