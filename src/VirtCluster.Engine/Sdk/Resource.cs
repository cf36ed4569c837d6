using System.Reflection;
using VirtCluster.Engine.Model;

namespace VirtCluster.Sdk;

/// <summary>
/// A declared resource (Pulumi's <c>Resource</c>). Constructing one registers it with the running deployment; its
/// <see cref="OutputAttribute"/> properties become outputs that the engine fills once it has created the resource.
/// </summary>
public abstract class Resource
{
    private protected Resource(string type, string name, ResourceArgs? args, ResourceOptions? options, bool isComponent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var context = DeploymentContext.Current
            ?? throw new InvalidOperationException($"resource '{name}' of type '{type}' is declared outside Deployment.RunAsync");
        Type = type;
        Name = name;
        Options = options ?? (isComponent ? new ComponentResourceOptions() : new CustomResourceOptions());
        UrnValue = Engine.Model.Urn.Create(context.Stack, context.Project, type, name, Options.Parent?.QualifiedType);
        Urn = Output.Create(UrnValue.Value);
        if (!isComponent)
        {
            FillOutputs();
        }

        context.Register(this, args, isComponent);
    }

    /// <summary>The resource's identity, known as soon as it is declared.</summary>
    public Output<string> Urn { get; }

    /// <summary>The resource's type token, such as <c>virtcluster:libvirt:Node</c>.</summary>
    public string GetResourceType() => Type;

    /// <summary>The name it was declared with.</summary>
    public string GetResourceName() => Name;

    internal string Type { get; }

    internal string Name { get; }

    internal ResourceOptions Options { get; }

    internal Engine.Model.Urn UrnValue { get; }

    /// <summary>The type as it appears in children's URNs: qualified by the parents' types.</summary>
    internal string QualifiedType => Options.Parent is { } parent ? parent.QualifiedType + "$" + Type : Type;

    /// <summary>Points every [Output] property at the engine's record of the output of that name.</summary>
    private void FillOutputs()
    {
        foreach (var property in GetType().GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<OutputAttribute>() is not { } attribute
                || !property.PropertyType.IsGenericType
                || property.PropertyType.GetGenericTypeDefinition() != typeof(Output<>)
                || property.GetSetMethod(nonPublic: true) is null)
            {
                continue;
            }

            var outputName = attribute.Name ?? JsonNaming.Camel(property.Name);
            var fromResource = property.PropertyType.GetMethod(nameof(Output<int>.FromResource), BindingFlags.Static | BindingFlags.NonPublic)!;
            property.SetValue(this, fromResource.Invoke(null, [new OutputRef(UrnValue, outputName)]));
        }
    }
}

/// <summary>A resource that a provider creates, reads, updates and deletes (Pulumi's <c>CustomResource</c>).</summary>
public abstract class CustomResource : Resource
{
    protected CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options = null)
        : base(type, name, args ?? ResourceArgs.Empty, options, isComponent: false)
    {
    }
}

/// <summary>
/// A group of resources with outputs of its own (Pulumi's <c>ComponentResource</c>). Children pass the component as
/// <see cref="ResourceOptions.Parent"/>; depending on a component waits for every child.
/// </summary>
public class ComponentResource : Resource
{
    public ComponentResource(string type, string name, ComponentResourceOptions? options = null)
        : base(type, name, null, options, isComponent: true)
    {
    }

    /// <summary>Says the component has declared its children; its outputs are its [Output] properties.</summary>
    protected void RegisterOutputs() => RegisterOutputs(new Dictionary<string, object?>());

    /// <summary>Says the component has declared its children, with outputs of its own (shown by <c>stack output</c> when exported).</summary>
    protected void RegisterOutputs(IDictionary<string, object?> outputs) =>
        DeploymentContext.Current?.Completed(this, outputs);
}
