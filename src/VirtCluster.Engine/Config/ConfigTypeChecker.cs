using System.Globalization;

namespace VirtCluster.Engine.Config;

/// <summary>Checks one written value against its schema entry: type, enum and range.</summary>
internal static class ConfigTypeChecker
{
    public static void Check(ConfigKeySchema schema, ConfigNode node)
    {
        if (Problem(schema, node) is { } problem)
        {
            throw new ConfigException(node.Location, schema.Key, problem);
        }
    }

    /// <summary>What is wrong with the value, or null when it fits the schema.</summary>
    public static string? Problem(ConfigKeySchema schema, ConfigNode node)
    {
        if (node is ConfigSecret)
        {
            return schema.Type == ConfigValueType.String ? null : $"only strings can be secret; expected {ConfigNodeText.Name(schema.Type)}";
        }

        if (node is ConfigScalar { IsNull: true })
        {
            return $"has no value; expected {ConfigNodeText.Name(schema.Type)} ({Allowed(schema)}), or remove the line to use the default";
        }

        var ok = schema.Type switch
        {
            ConfigValueType.String => node is ConfigScalar s && ScalarKinds.IsString(s),
            ConfigValueType.Integer => node is ConfigScalar s && ScalarKinds.IsInteger(s, out _),
            ConfigValueType.Number => node is ConfigScalar s && ScalarKinds.IsNumber(s, out _),
            ConfigValueType.Boolean => node is ConfigScalar s && ScalarKinds.IsBoolean(s, out _),
            ConfigValueType.Array => node is ConfigSequence,
            ConfigValueType.Object => node is ConfigMapping,
            _ => false,
        };
        if (!ok)
        {
            var quoteHint = schema.Type == ConfigValueType.String && node is ConfigScalar
                ? $"; write it in quotes (\"{((ConfigScalar)node).Value}\") if it is meant as text"
                : string.Empty;
            return $"expected {ConfigNodeText.Name(schema.Type)} ({Allowed(schema)}), found {ConfigNodeText.Describe(node)}{quoteHint}";
        }

        if (node is not ConfigScalar scalar)
        {
            return null;
        }

        if (schema.Enum.Count > 0 && !schema.Enum.Contains(scalar.Value, StringComparer.Ordinal))
        {
            return $"'{scalar.Value}' is not allowed; use one of {string.Join(", ", schema.Enum)}{KeySuggestion.Hint(scalar.Value, schema.Enum)}";
        }

        return ScalarKinds.IsNumber(scalar, out var number) && (number < schema.Minimum || number > schema.Maximum)
            ? $"{scalar.Value} is out of range; allowed: {Range(schema)}"
            : null;
    }

    /// <summary>What the key accepts, in words, for every message about it.</summary>
    public static string Allowed(ConfigKeySchema schema)
    {
        if (schema.Enum.Count > 0)
        {
            return "one of " + string.Join(", ", schema.Enum);
        }

        if (schema.Minimum is not null || schema.Maximum is not null)
        {
            return Range(schema);
        }

        return schema.Description.Length > 0 ? schema.Description.TrimEnd('.') : ConfigNodeText.Name(schema.Type);
    }

    private static string Range(ConfigKeySchema schema) => (schema.Minimum, schema.Maximum) switch
    {
        ({ } min, { } max) => $"{Text(min)}..{Text(max)}",
        ({ } min, null) => $">= {Text(min)}",
        (null, { } max) => $"<= {Text(max)}",
        _ => "any",
    };

    private static string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
