using System.Text.Json.Nodes;

namespace VirtCluster.Engine.Model;

/// <summary>
/// Inputs the program computes from other resources' outputs (a function of them, not just one of them), encoded as
/// <c>{"$computed": N}</c>. The engine evaluates entry N whenever it resolves inputs, with the outputs known at that
/// moment: during a preview it yields <see cref="UnknownValue"/> where they are not known yet.
/// </summary>
public sealed class ComputedInputs
{
    public const string Marker = "$computed";

    private readonly List<Entry> _entries = [];

    /// <summary>Registers a computed input and returns its marker for the declaration's inputs.</summary>
    /// <param name="evaluate">Computes the JSON value; it is given a function resolving output references.</param>
    /// <param name="dependencies">The resources whose outputs it reads.</param>
    public JsonObject Add(Func<Func<OutputRef, JsonNode?>, JsonNode?> evaluate, IReadOnlyList<Urn> dependencies)
    {
        lock (_entries)
        {
            _entries.Add(new Entry(evaluate, dependencies));
            return new JsonObject { [Marker] = _entries.Count - 1 };
        }
    }

    /// <summary>The entry a marker stands for; null when the node is not a marker.</summary>
    public static int? TryParse(JsonNode? node) =>
        node is JsonObject obj && obj.Count == 1 && obj[Marker] is JsonValue value && value.TryGetValue<int>(out var index) ? index : null;

    public IReadOnlyList<Urn> DependenciesOf(int index) => Get(index).Dependencies;

    public JsonNode? Evaluate(int index, Func<OutputRef, JsonNode?> resolve) => Get(index).Evaluate(resolve);

    private Entry Get(int index)
    {
        lock (_entries)
        {
            return index >= 0 && index < _entries.Count
                ? _entries[index]
                : throw new InvalidOperationException($"computed input {index} is not registered with this program");
        }
    }

    private sealed record Entry(Func<Func<OutputRef, JsonNode?>, JsonNode?> Evaluate, IReadOnlyList<Urn> Dependencies);
}
