using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Planning;

/// <summary>Replaces <see cref="OutputRef"/> encodings with the referenced output values.</summary>
public static class InputResolver
{
    /// <param name="inputs">Declared inputs.</param>
    /// <param name="outputsOf">The outputs of a resource, or null while they are not known (preview of a create).</param>
    /// <param name="beingUpdated">
    /// Resources about to be updated: an output they do not have yet is unknown (the update may produce it) rather
    /// than an error.
    /// </param>
    /// <returns>A copy with references resolved, or <see cref="UnknownValue"/> where the outputs are not known.</returns>
    public static JsonObject Resolve(JsonObject inputs, Func<Urn, JsonObject?> outputsOf, Func<Urn, bool>? beingUpdated = null) =>
        Resolve((JsonNode)inputs, outputsOf, beingUpdated ?? (_ => false))!.AsObject();

    private static JsonNode? Resolve(JsonNode? node, Func<Urn, JsonObject?> outputsOf, Func<Urn, bool> beingUpdated)
    {
        if (OutputRef.TryParse(node) is { } reference)
        {
            if (outputsOf(reference.Urn) is not { } outputs)
            {
                return UnknownValue.Create();
            }

            if (!outputs.TryGetPropertyValue(reference.Property, out var value))
            {
                if (beingUpdated(reference.Urn))
                {
                    return UnknownValue.Create();
                }

                throw new InvalidOperationException(
                    $"resource '{reference.Urn}' has no output '{reference.Property}' (it has: {string.Join(", ", outputs.Select(p => p.Key))}); run refresh to read it again from the provider");
            }

            return value?.DeepClone();
        }

        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    copy[key] = Resolve(child, outputsOf, beingUpdated);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(child => Resolve(child, outputsOf, beingUpdated))]);
            default:
                return node?.DeepClone();
        }
    }
}
