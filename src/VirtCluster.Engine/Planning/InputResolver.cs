using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Planning;

/// <summary>Replaces <see cref="OutputRef"/> encodings with the referenced output values.</summary>
public static class InputResolver
{
    /// <param name="inputs">Declared inputs.</param>
    /// <param name="outputsOf">The outputs of a resource, or null while they are not known (preview of a create).</param>
    /// <returns>A copy with references resolved, or <see cref="UnknownValue"/> where the outputs are not known.</returns>
    public static JsonObject Resolve(JsonObject inputs, Func<Urn, JsonObject?> outputsOf) =>
        Resolve((JsonNode)inputs, outputsOf)!.AsObject();

    private static JsonNode? Resolve(JsonNode? node, Func<Urn, JsonObject?> outputsOf)
    {
        if (OutputRef.TryParse(node) is { } reference)
        {
            if (outputsOf(reference.Urn) is not { } outputs)
            {
                return UnknownValue.Create();
            }

            if (!outputs.TryGetPropertyValue(reference.Property, out var value))
            {
                throw new InvalidOperationException(
                    $"resource '{reference.Urn}' has no output '{reference.Property}' (it has: {string.Join(", ", outputs.Select(p => p.Key))})");
            }

            return value?.DeepClone();
        }

        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    copy[key] = Resolve(child, outputsOf);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(child => Resolve(child, outputsOf))]);
            default:
                return node?.DeepClone();
        }
    }
}
