using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace VirtCluster.Engine.Providers;

/// <summary>
/// Which members of an input record are required, read from its source-generated metadata: a constructor parameter
/// that is neither nullable nor defaulted, or a member marked required. A required string must also be non-empty,
/// as every provider demanded of its names, URIs and XML before inputs were typed.
/// </summary>
internal static class RequiredMembers
{
    /// <summary>A failure for each required member absent or null in <paramref name="json"/>, nested records included.</summary>
    public static IEnumerable<CheckFailure> Missing(JsonObject json, JsonTypeInfo type) => Missing(json, type, prefix: "");

    /// <summary>What a value of <paramref name="type"/> looks like in JSON, for a message.</summary>
    public static string Describe(Type type)
    {
        var bare = Nullable.GetUnderlyingType(type) ?? type;
        return bare == typeof(string) ? "a string"
            : bare == typeof(bool) ? "true or false"
            : bare.IsPrimitive || bare == typeof(decimal) ? "a number"
            : typeof(IDictionary).IsAssignableFrom(bare) || bare == typeof(JsonObject) ? "an object"
            : typeof(IEnumerable).IsAssignableFrom(bare) ? "a list"
            : "an object";
    }

    private static IEnumerable<CheckFailure> Missing(JsonObject json, JsonTypeInfo type, string prefix)
    {
        foreach (var property in type.Properties)
        {
            json.TryGetPropertyValue(property.Name, out var value);
            var path = prefix + property.Name;
            if (IsRequired(property) && (value is null || IsEmptyString(value, property)))
            {
                yield return new CheckFailure(path, property.PropertyType == typeof(string) ? "required (a non-empty string)" : "required");
                continue;
            }

            foreach (var nested in Nested(value, property, path))
            {
                yield return nested;
            }
        }
    }

    private static IEnumerable<CheckFailure> Nested(JsonNode? value, JsonPropertyInfo property, string path)
    {
        var info = property.Options.GetTypeInfo(property.PropertyType);
        if (value is JsonObject obj && info.Kind == JsonTypeInfoKind.Object)
        {
            return Missing(obj, info, path + ".");
        }

        if (value is JsonArray array && info is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } element }
            && property.Options.GetTypeInfo(element) is { Kind: JsonTypeInfoKind.Object } item)
        {
            return array.SelectMany((node, i) => node is JsonObject o ? Missing(o, item, $"{path}[{i}].") : []);
        }

        return [];
    }

    private static bool IsRequired(JsonPropertyInfo property) =>
        property.IsRequired || property.AssociatedParameter is { IsNullable: false, HasDefaultValue: false };

    private static bool IsEmptyString(JsonNode value, JsonPropertyInfo property) =>
        property.PropertyType == typeof(string) && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0;
}
