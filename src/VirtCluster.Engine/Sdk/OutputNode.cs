using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;

namespace VirtCluster.Sdk;

/// <summary>
/// How an <see cref="Output{T}"/> gets its value: a constant, another resource's output property, a task of the
/// program, or a function of other outputs. The engine evaluates the tree when it needs the value (planning, then
/// apply), with the outputs of other resources known at that moment.
/// </summary>
internal abstract class OutputNode
{
    /// <summary>The resources whose outputs this value is made of: what a resource taking it as input depends on.</summary>
    public abstract IEnumerable<Urn> Resources { get; }

    public abstract OutputValue Evaluate(IOutputLookup lookup);
}

/// <summary>The engine's answer for another resource's output property: its value, or unknown (<c>null</c>).</summary>
internal interface IOutputLookup
{
    /// <summary>The property's JSON value (secrets marked), or <see cref="UnknownValue"/> while it is not known.</summary>
    JsonNode? Lookup(OutputRef reference);
}

internal sealed class ConstantNode(object? value, bool secret) : OutputNode
{
    public object? Value => value;

    public bool IsSecret => secret;

    /// <summary>Nested arguments in a constant (a list of argument objects, say) may hold outputs.</summary>
    public override IEnumerable<Urn> Resources => ArgsEncoder.ResourcesOf(value);

    public override OutputValue Evaluate(IOutputLookup lookup) => new(value, true, secret);
}

/// <summary>A value the program computes asynchronously (<see cref="Output.Create{T}(Task{T})"/>); complete before planning.</summary>
internal sealed class TaskNode<T>(Task<T> task) : OutputNode
{
    public Task Task => task;

    public override IEnumerable<Urn> Resources => [];

    public override OutputValue Evaluate(IOutputLookup lookup) =>
        task.IsCompletedSuccessfully
            ? new(task.Result, true, false)
            : throw new InvalidOperationException("an output made from a task was read before the task finished");
}

/// <summary>One output property of a resource, converted from its recorded JSON to the property's type.</summary>
internal sealed class ResourceOutputNode(OutputRef reference, Func<JsonNode?, object?> convert) : OutputNode
{
    public OutputRef Reference => reference;

    public override IEnumerable<Urn> Resources => [reference.Urn];

    public override OutputValue Evaluate(IOutputLookup lookup)
    {
        var json = lookup.Lookup(reference);
        if (UnknownValue.IsUnknown(json))
        {
            return OutputValue.Unknown();
        }

        var secret = SecretValue.ContainsSecret(json);
        return new(convert(SecretValue.Reveal(json)), true, secret);
    }
}

/// <summary>A function of one output (<see cref="Output{T}.Apply{U}(Func{T, U})"/>); it may return another output.</summary>
internal sealed class ApplyNode(OutputNode source, Func<object?, object?> func) : OutputNode
{
    public override IEnumerable<Urn> Resources => source.Resources;

    public override OutputValue Evaluate(IOutputLookup lookup)
    {
        var input = source.Evaluate(lookup);
        if (!input.IsKnown)
        {
            return OutputValue.Unknown(input.IsSecret);
        }

        var result = func(input.Value);
        if (result is IOutput nested)
        {
            var inner = nested.Node.Evaluate(lookup);
            return inner with { IsSecret = inner.IsSecret || input.IsSecret };
        }

        return new(result, true, input.IsSecret);
    }
}

/// <summary>Several outputs as one (<see cref="Output.All{T}(Input{T}[])"/>): known when all are, secret when any is.</summary>
internal sealed class AllNode(IReadOnlyList<OutputNode> items, Func<object?[], object?> combine) : OutputNode
{
    public override IEnumerable<Urn> Resources => items.SelectMany(i => i.Resources);

    public override OutputValue Evaluate(IOutputLookup lookup)
    {
        var values = items.Select(i => i.Evaluate(lookup)).ToList();
        var secret = values.Any(v => v.IsSecret);
        return values.All(v => v.IsKnown)
            ? new(combine([.. values.Select(v => v.Value)]), true, secret)
            : OutputValue.Unknown(secret);
    }
}

/// <summary>Marks a value secret (<see cref="Output.CreateSecret{T}(T)"/>) or takes the mark off (<see cref="Output.Unsecret{T}"/>).</summary>
internal sealed class SecretNode(OutputNode source, bool secret) : OutputNode
{
    public override IEnumerable<Urn> Resources => source.Resources;

    public override OutputValue Evaluate(IOutputLookup lookup) => source.Evaluate(lookup) with { IsSecret = secret };
}
