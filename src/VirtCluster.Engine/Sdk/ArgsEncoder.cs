using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;

namespace VirtCluster.Sdk;

/// <summary>
/// Turns resource arguments into the engine's inputs. A value known when the program runs is written as JSON; a
/// value made of other resources' outputs is written as a reference the engine resolves once they are known.
/// </summary>
internal static class ArgsEncoder
{
    /// <summary>The inputs of <paramref name="args"/>, with references registered on <paramref name="stack"/>.</summary>
    public static JsonObject Encode(ResourceArgs args, StackBuilder stack)
    {
        var inputs = new JsonObject();
        foreach (var (name, value) in Properties(args))
        {
            var encoded = EncodeValue(value, stack);
            if (encoded is not null)
            {
                inputs[name] = encoded;
            }
        }

        return inputs;
    }

    /// <summary>One value: JSON when it is known now, an output reference or a computed input otherwise.</summary>
    public static JsonNode? EncodeValue(object? value, StackBuilder stack)
    {
        var node = NodeOf(value);
        if (node is ResourceOutputNode { } direct)
        {
            return direct.Reference.ToJson();
        }

        var probe = new Probe();
        var now = Resolve(node, probe);
        var resources = node.Resources.Concat(probe.Touched).Distinct().ToList();
        return resources.Count == 0 ? now : stack.Computed.Add(lookup => Resolve(node, new Lookup(lookup)), resources);
    }

    /// <summary>
    /// The resources a value is made of: those its outputs name, and those a function of a value known now returns
    /// (a component's output that is a resource's output, say), found by evaluating it with every output unknown.
    /// </summary>
    public static IReadOnlyList<Urn> DependenciesOf(object? value)
    {
        var probe = new Probe();
        var resources = ResourcesOf(value).ToList();
        Resolve(NodeOf(value), probe);
        return [.. resources.Concat(probe.Touched).Distinct()];
    }

    /// <summary>The JSON of a node's value now: the unknown marker while it is not known, secrets marked.</summary>
    public static JsonNode? Resolve(OutputNode node, IOutputLookup lookup)
    {
        var value = node.Evaluate(lookup);
        if (!value.IsKnown)
        {
            return UnknownValue.Create();
        }

        var json = ToJson(value.Value, lookup);
        return value.IsSecret ? SecretValue.Wrap(json) : json;
    }

    /// <summary>The resources a value is made of, nested arguments included.</summary>
    public static IEnumerable<Urn> ResourcesOf(object? value) => value switch
    {
        IInput input => input.Node.Resources,
        IOutput output => output.Node.Resources,
        ResourceArgs args => Properties(args).SelectMany(p => ResourcesOf(p.Value)),
        string => [],
        IEnumerable items => items.Cast<object?>().SelectMany(ResourcesOf),
        _ => [],
    };

    private static OutputNode NodeOf(object? value) => value switch
    {
        IInput input => input.Node,
        IOutput output => output.Node,
        _ => new ConstantNode(value, secret: false),
    };

    private static JsonNode? ToJson(object? value, IOutputLookup lookup)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonNode json:
                return json.DeepClone();
            case IInput or IOutput:
                return Resolve(NodeOf(value), lookup);
            case ResourceArgs args:
                var obj = new JsonObject();
                foreach (var (name, item) in Properties(args))
                {
                    if (Resolve(NodeOf(item), lookup) is { } encoded)
                    {
                        obj[name] = encoded;
                    }
                }

                return obj;
            case string or bool or int or long or double or decimal or float or Enum:
                return Output.ToJson(value);
            case IDictionary map:
                var mapped = new JsonObject();
                foreach (DictionaryEntry entry in map)
                {
                    mapped[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)!] = ToJson(entry.Value, lookup);
                }

                return mapped;
            case IEnumerable items:
                return new JsonArray([.. items.Cast<object?>().Select(item => ToJson(item, lookup))]);
            default:
                return Output.ToJson(value);
        }
    }

    /// <summary>The [Input] properties that are set, by input name.</summary>
    private static IEnumerable<(string Name, object? Value)> Properties(ResourceArgs args)
    {
        foreach (var property in args.GetType().GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<InputAttribute>() is not { } attribute)
            {
                continue;
            }

            var value = property.GetValue(args);
            if (value is null)
            {
                if (attribute.IsRequired)
                {
                    throw new ArgumentException($"{args.GetType().Name}.{property.Name} (input '{attribute.Name}') is required");
                }

                continue;
            }

            yield return (attribute.Name, value);
        }
    }

    /// <summary>Answers "unknown" for every resource output and remembers which were asked for.</summary>
    private sealed class Probe : IOutputLookup
    {
        public HashSet<Urn> Touched { get; } = [];

        public JsonNode? Lookup(OutputRef reference)
        {
            Touched.Add(reference.Urn);
            return UnknownValue.Create();
        }
    }

    private sealed class Lookup(Func<OutputRef, JsonNode?> resolve) : IOutputLookup
    {
        JsonNode? IOutputLookup.Lookup(OutputRef reference) => resolve(reference);
    }
}
