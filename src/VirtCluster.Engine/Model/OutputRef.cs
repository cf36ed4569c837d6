using System.Text.Json.Nodes;

namespace VirtCluster.Engine.Model;

/// <summary>
/// A reference to a property of another resource's outputs, usable as an input value. It is encoded in
/// the input JSON as <c>{"$output": {"urn": "...", "property": "..."}}</c> so that inputs stay plain JSON;
/// the engine resolves it at apply time and shows it as unknown in a preview when the value is not yet known.
/// </summary>
public sealed record OutputRef(Urn Urn, string Property)
{
    public const string Marker = "$output";

    public JsonObject ToJson() => new()
    {
        [Marker] = new JsonObject { ["urn"] = Urn.Value, ["property"] = Property },
    };

    /// <summary>Reads a reference back from its JSON encoding; null when the node is not a reference.</summary>
    public static OutputRef? TryParse(JsonNode? node)
    {
        if (node is JsonObject obj && obj.Count == 1 && obj[Marker] is JsonObject inner
            && inner["urn"]?.GetValue<string>() is { } urn && inner["property"]?.GetValue<string>() is { } prop)
        {
            return new OutputRef(new Urn(urn), prop);
        }

        return null;
    }
}
