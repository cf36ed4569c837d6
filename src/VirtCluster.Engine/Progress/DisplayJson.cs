using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Progress;

/// <summary>How values look to people: JSON without needless escaping, unknowns and secrets spelled out.</summary>
public static class DisplayJson
{
    public static JsonSerializerOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonSerializerOptions Indented { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>A value for one line of text; secrets masked unless <paramref name="showSecrets"/>.</summary>
    public static string Format(JsonNode? value, bool showSecrets = false)
    {
        if (UnknownValue.IsUnknown(value))
        {
            return UnknownValue.Display;
        }

        var shown = showSecrets ? SecretValue.Reveal(value) : SecretValue.Mask(value);
        return shown switch
        {
            null => "null",
            JsonValue v when v.TryGetValue<string>(out var s) && s == SecretValue.Masked => s,
            _ => shown.ToJsonString(Compact),
        };
    }
}
