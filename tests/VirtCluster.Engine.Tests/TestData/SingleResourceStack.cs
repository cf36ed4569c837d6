using System.Text.Json.Nodes;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.State;
using VirtCluster.Engine.Testing;

namespace VirtCluster.Engine.Tests.TestData;

/// <summary>
/// One <c>test:Vm</c> named <c>vm</c> over an in-memory cloud: the smallest stack on which a resource option shows
/// its effect. Changing <c>host</c> replaces it; any other input is updated in place.
/// </summary>
internal sealed class SingleResourceStack
{
    public const string Type = "test:Vm";

    public static Urn Urn { get; } = new("urn:virtcluster:dev::lab::test:Vm::vm");

    public InMemoryCloud Cloud { get; } = new();

    public InMemoryStateStore Store { get; } = new();

    /// <summary>The declared inputs; change them between runs.</summary>
    public JsonObject Inputs { get; set; } = new() { ["host"] = "h0", ["size"] = 10, ["spec"] = new JsonObject { ["memory"] = 1024, ["label"] = "a" } };

    public ResourceOptions Options { get; set; } = new();

    /// <summary>False to drop the resource from the program.</summary>
    public bool Declared { get; set; } = true;

    /// <summary>How long each provider operation takes (it honours cancellation).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Wraps the provider, e.g. to hold an operation back.</summary>
    public Func<IResourceProvider, IResourceProvider> Wrap { get; set; } = provider => provider;

    public CloudObject? Object => Cloud.FindByUrn(Urn.Value);

    public StackEngine Engine()
    {
        var program = TestStack.EmptyProgram();
        if (Declared)
        {
            program.Declare(Type, "vm", Inputs, Options);
        }

        return new StackEngine(program, Providers(), Store);
    }

    /// <summary>An engine that never ran the program, as <c>destroy</c> works.</summary>
    public StackEngine EngineWithoutProgram() => new(TestStack.EmptyProgram(), Providers(), Store);

    public ResourceState? Recorded => Store.Load().Resources.GetValueOrDefault(Urn);

    private ProviderRegistry Providers() =>
        new([Wrap(new InMemoryProvider(Type, Cloud) { ReplaceOn = new HashSet<string> { "host" }, Required = ["host"], Delay = Delay })]);
}
