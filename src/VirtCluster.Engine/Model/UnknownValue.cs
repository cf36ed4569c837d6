using System.Text.Json.Nodes;

namespace VirtCluster.Engine.Model;

/// <summary>
/// Stands for an input that depends on an output not known before apply (the referenced resource is still to be
/// created or replaced). Encoded as <c>{"$unknown": true}</c>; previews show it as <see cref="Display"/>.
/// Check failures on an unknown property are ignored in a preview: the real value is checked at apply time.
/// </summary>
public static class UnknownValue
{
    public const string Marker = "$unknown";

    public const string Display = "(known after apply)";

    public static JsonObject Create() => new() { [Marker] = true };

    public static bool IsUnknown(JsonNode? node) =>
        node is JsonObject obj && obj.Count == 1 && obj.ContainsKey(Marker);

    /// <summary>
    /// A copy without unknown values (a property that is unknown is left out, an unknown array item becomes null), so
    /// a provider's Check never sees the engine's marker: it sees a value as absent until it is known.
    /// </summary>
    public static JsonObject Strip(JsonObject inputs) => (JsonObject)StripNode(inputs)!;

    private static JsonNode? StripNode(JsonNode? node) => node switch
    {
        _ when IsUnknown(node) => null,
        JsonObject obj => new JsonObject(obj.Where(p => !IsUnknown(p.Value)).Select(p => KeyValuePair.Create(p.Key, StripNode(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(StripNode)]),
        _ => node?.DeepClone(),
    };

    public static bool ContainsUnknown(JsonNode? node) => node switch
    {
        _ when IsUnknown(node) => true,
        JsonObject obj => obj.Any(p => ContainsUnknown(p.Value)),
        JsonArray array => array.Any(ContainsUnknown),
        _ => false,
    };
}
