using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;

namespace VirtCluster.Sdk;

/// <summary>An output of any type, as the engine handles it.</summary>
internal interface IOutput
{
    OutputNode Node { get; }
}

/// <summary>
/// A value that may not be known until the engine has created the resource it comes from, as in Pulumi: during a
/// preview it may be unknown ("(known after apply)"), it may be secret, and it carries the resources it depends on,
/// so a resource taking it as input waits for them. Functions of it are written with <see cref="Apply{U}(Func{T, U})"/>.
/// </summary>
public sealed class Output<T> : IOutput
{
    internal Output(OutputNode node)
    {
        Node = node;
    }

    OutputNode IOutput.Node => Node;

    internal OutputNode Node { get; }

    /// <summary>A value computed from this one once it is known; unknown while it is not, secret when it is.</summary>
    public Output<U> Apply<U>(Func<T, U> func) => new(new ApplyNode(Node, value => func((T)value!)));

    /// <summary>A value computed from this one that is itself an output (of another resource, for example).</summary>
    public Output<U> Apply<U>(Func<T, Output<U>> func) => new(new ApplyNode(Node, value => func((T)value!)));

    /// <summary>Pulumi's outputs cannot be printed; this says so rather than printing a type name into a file.</summary>
    public override string ToString() =>
        "Output<" + typeof(T).Name + "> (use Apply or Output.Format to use its value)";

    internal static Output<T> FromResource(OutputRef reference) =>
        new(new ResourceOutputNode(reference, json => json is null ? default(T) : json.Deserialize<T>(SdkJson.Options)));
}

/// <summary>Makes and combines outputs (Pulumi's <c>Output</c> static class).</summary>
public static class Output
{
    public static Output<T> Create<T>(T value) => new(new ConstantNode(value, secret: false));

    /// <summary>A value the program computes asynchronously; the engine waits for it before planning.</summary>
    public static Output<T> Create<T>(Task<T> task)
    {
        var node = new TaskNode<T>(task);
        DeploymentContext.Current?.Track(task);
        return new(node);
    }

    public static Output<T> CreateSecret<T>(T value) => new(new ConstantNode(value, secret: true));

    /// <summary>The same value, masked in plans and logs and encrypted in state.</summary>
    public static Output<T> CreateSecret<T>(Output<T> value) => new(new SecretNode(value.Node, secret: true));

    /// <summary>The same value without the secret mark (for a value that is not sensitive, such as its length).</summary>
    public static Output<T> Unsecret<T>(Output<T> value) => new(new SecretNode(value.Node, secret: false));

    /// <summary>All the values, in order, once every one is known.</summary>
    public static Output<ImmutableArray<T>> All<T>(params Input<T>[] inputs) => All((IEnumerable<Input<T>>)inputs);

    public static Output<ImmutableArray<T>> All<T>(IEnumerable<Input<T>> inputs) =>
        new(new AllNode([.. inputs.Select(i => i.ToOutput().Node)], values => values.Cast<T>().ToImmutableArray()));

    public static Output<(T1, T2)> Tuple<T1, T2>(Input<T1> first, Input<T2> second) =>
        new(new AllNode([first.ToOutput().Node, second.ToOutput().Node], v => ((T1)v[0]!, (T2)v[1]!)));

    public static Output<(T1, T2)> Tuple<T1, T2>(Output<T1> first, Output<T2> second) =>
        new(new AllNode([first.Node, second.Node], v => ((T1)v[0]!, (T2)v[1]!)));

    public static Output<(T1, T2, T3)> Tuple<T1, T2, T3>(Input<T1> first, Input<T2> second, Input<T3> third) =>
        new(new AllNode([first.ToOutput().Node, second.ToOutput().Node, third.ToOutput().Node], v => ((T1)v[0]!, (T2)v[1]!, (T3)v[2]!)));

    /// <summary>
    /// An interpolated string whose holes may be outputs: <c>Output.Format($"http://{host.Address}:{port}")</c>.
    /// Known when every output in it is, secret when any is.
    /// </summary>
    public static Output<string> Format(FormattableString text)
    {
        var arguments = text.GetArguments();
        var nodes = arguments.Select(a => a switch
        {
            IOutput output => output.Node,
            IInput input => input.Node,
            _ => new ConstantNode(a, secret: false),
        }).ToList();
        return new(new AllNode(nodes, values => string.Format(CultureInfo.InvariantCulture, text.Format, values)));
    }

    /// <summary>For the engine: JSON of a value, as inputs and state hold it.</summary>
    internal static JsonNode? ToJson(object? value) =>
        value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), SdkJson.Options);
}
