using System.Text.Json.Nodes;

namespace VirtCluster.Engine.Model;

/// <summary>
/// A secret input or output value, encoded in JSON as <c>{"$secret": value}</c> (like <see cref="OutputRef"/>)
/// so that inputs stay plain JSON while the engine knows what to mask in plans, logs and outputs and what
/// to encrypt in state. Providers never see the marker: they receive the plaintext.
/// </summary>
public static class SecretValue
{
    public const string Marker = "$secret";

    /// <summary>The text shown in place of a secret.</summary>
    public const string Masked = "[secret]";

    public static JsonObject Wrap(JsonNode? value) => new() { [Marker] = value?.DeepClone() };

    public static bool IsSecret(JsonNode? node) =>
        node is JsonObject obj && obj.Count == 1 && obj.ContainsKey(Marker);

    /// <summary>True when the value or anything nested in it is a secret.</summary>
    public static bool ContainsSecret(JsonNode? node) => node switch
    {
        _ when IsSecret(node) => true,
        JsonObject obj => obj.Any(p => ContainsSecret(p.Value)),
        JsonArray array => array.Any(ContainsSecret),
        _ => false,
    };

    /// <summary>A deep copy with every secret replaced by its plaintext: what providers receive.</summary>
    public static JsonNode? Reveal(JsonNode? node) => Transform(node, secret => Reveal(secret));

    /// <summary>A deep copy with every secret replaced by <see cref="Masked"/>: what people see.</summary>
    public static JsonNode? Mask(JsonNode? node) => Transform(node, _ => JsonValue.Create(Masked));

    /// <summary>A deep copy where <paramref name="replace"/> gets each secret's inner value.</summary>
    public static JsonNode? Transform(JsonNode? node, Func<JsonNode?, JsonNode?> replace)
    {
        if (IsSecret(node))
        {
            return replace(node!.AsObject()[Marker]);
        }

        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    copy[key] = Transform(child, replace);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var child in array)
                {
                    items.Add(Transform(child, replace));
                }

                return items;
            default:
                return node?.DeepClone();
        }
    }

    /// <summary><see cref="Reveal(JsonNode?)"/> for a whole input object.</summary>
    public static JsonObject RevealObject(JsonObject obj) => Reveal(obj)!.AsObject();

    /// <summary><see cref="Mask(JsonNode?)"/> for a whole input object.</summary>
    public static JsonObject MaskObject(JsonObject obj) => Mask(obj)!.AsObject();
}
