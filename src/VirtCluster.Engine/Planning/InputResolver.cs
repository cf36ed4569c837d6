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
    /// <param name="computed">The program's computed inputs, for <see cref="ComputedInputs"/> markers.</param>
    public static JsonObject Resolve(
        JsonObject inputs, Func<Urn, JsonObject?> outputsOf, Func<Urn, bool>? beingUpdated = null, ComputedInputs? computed = null) =>
        new Resolver(outputsOf, beingUpdated ?? (_ => false), computed).Resolve(inputs)!.AsObject();

    private sealed class Resolver(Func<Urn, JsonObject?> outputsOf, Func<Urn, bool> beingUpdated, ComputedInputs? computed)
    {
        public JsonNode? Resolve(JsonNode? node)
        {
            if (OutputRef.TryParse(node) is { } reference)
            {
                return Output(reference);
            }

            if (ComputedInputs.TryParse(node) is { } index)
            {
                var program = computed ?? throw new InvalidOperationException($"a computed input ({index}) was found without the program's computed inputs");
                return program.Evaluate(index, Output);
            }

            switch (node)
            {
                case JsonObject obj:
                    var copy = new JsonObject();
                    foreach (var (key, child) in obj)
                    {
                        copy[key] = Resolve(child);
                    }

                    return copy;
                case JsonArray array:
                    return new JsonArray([.. array.Select(Resolve)]);
                default:
                    return node?.DeepClone();
            }
        }

        private JsonNode? Output(OutputRef reference)
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
    }
}
