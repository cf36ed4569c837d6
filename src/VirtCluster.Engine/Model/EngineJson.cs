using System.Text.Json;
using System.Text.Json.Serialization;

namespace VirtCluster.Engine.Model;

/// <summary>One set of JSON options for inputs, outputs and state, so every file reads the same way.</summary>
public static class EngineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
