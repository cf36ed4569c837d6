using System.Text.Json;
using System.Text.Json.Nodes;
using VirtCluster.Engine.Config;

namespace VirtCluster.Engine.Model;

/// <summary>
/// What the program in <c>infra/</c> is handed: the stack's validated configuration, and the calls that
/// declare resources and stack outputs. Declaring is side-effect free; the engine decides what to do.
/// </summary>
public sealed class StackBuilder
{
    private readonly List<ResourceDeclaration> _resources = [];
    private readonly Dictionary<Urn, ResourceDeclaration> _byUrn = [];
    private readonly Dictionary<string, JsonNode?> _outputs = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _diagnostics = [];

    public StackBuilder(string project, string stack, StackConfig config)
    {
        Project = project;
        Stack = stack;
        Config = config;
    }

    public string Project { get; }

    public string Stack { get; }

    public StackConfig Config { get; }

    public IReadOnlyList<ResourceDeclaration> Resources => _resources;

    /// <summary>Inputs computed from other resources' outputs, referenced from declarations and outputs.</summary>
    public ComputedInputs Computed { get; } = new();

    /// <summary>Stack outputs; values may hold <see cref="OutputRef"/> encodings resolved after apply.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Outputs => _outputs;

    /// <summary>What the program said about its resources while it ran, in the order it said it.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics
    {
        get
        {
            lock (_diagnostics)
            {
                return [.. _diagnostics];
            }
        }
    }

    /// <summary>Records a message of the program (program tasks may say things concurrently).</summary>
    public void Diagnose(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        lock (_diagnostics)
        {
            _diagnostics.Add(diagnostic);
        }
    }

    /// <summary>Declares a resource served by the provider registered for <paramref name="type"/>.</summary>
    public ResourceRef Declare(string type, string name, JsonObject inputs, ResourceOptions? options = null) =>
        Add(type, name, inputs, options, isComponent: false);

    /// <summary>Declares a component: a grouping parent with no provider of its own.</summary>
    public ResourceRef Component(string type, string name, ResourceOptions? options = null) =>
        Add(type, name, [], options, isComponent: true);

    /// <summary>Exports a stack output (a plain JSON value, or one holding output references).</summary>
    public void Export(string name, JsonNode? value)
    {
        if (!_outputs.TryAdd(name, value))
        {
            throw new InvalidOperationException($"stack output '{name}' is exported twice");
        }
    }

    public void Export(string name, OutputRef value) => Export(name, value.ToJson());

    private ResourceRef Add(string type, string name, JsonObject inputs, ResourceOptions? options, bool isComponent)
    {
        options ??= new ResourceOptions();
        var urn = Urn.Create(Stack, Project, type, name, options.Parent?.Type);
        if (_byUrn.ContainsKey(urn))
        {
            throw new InvalidOperationException($"resource '{urn}' is declared twice; names must be unique per type");
        }

        // Deep-copy the inputs so a caller mutating its object later cannot change what was declared.
        var frozen = JsonNode.Parse(inputs.ToJsonString())!.AsObject();
        var deps = new SortedSet<Urn>(options.DependsOn.Select(d => d.Urn));
        CollectReferences(frozen, deps);
        foreach (var dep in deps)
        {
            if (!_byUrn.ContainsKey(dep))
            {
                throw new InvalidOperationException($"resource '{urn}' depends on '{dep}', which is not declared before it");
            }
        }

        var parent = options.Parent is null ? null : _byUrn.GetValueOrDefault(options.Parent.Urn)?.Options;
        var declaration = new ResourceDeclaration(urn, type, name, frozen, [.. deps], options.Parent?.Urn, isComponent)
        {
            Options = DeclarationOptions.Resolve(urn, options, parent),
        };
        _resources.Add(declaration);
        _byUrn.Add(urn, declaration);
        return new ResourceRef(urn, type);
    }

    private void CollectReferences(JsonNode? node, ISet<Urn> into)
    {
        if (OutputRef.TryParse(node) is { } reference)
        {
            into.Add(reference.Urn);
            return;
        }

        if (ComputedInputs.TryParse(node) is { } computed)
        {
            into.UnionWith(Computed.DependenciesOf(computed));
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    CollectReferences(child, into);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    CollectReferences(child, into);
                }

                break;
        }
    }

    /// <summary>Serialises a value with the engine's JSON options (camelCase, enums as strings).</summary>
    public static JsonObject ToInputs<T>(T value) =>
        JsonSerializer.SerializeToNode(value, EngineJson.Options)!.AsObject();
}
