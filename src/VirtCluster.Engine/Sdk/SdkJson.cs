using System.Text.Json;
using VirtCluster.Engine.Model;

namespace VirtCluster.Sdk;

/// <summary>The JSON options values are converted with between the program's types and the engine's inputs.</summary>
internal static class SdkJson
{
    public static JsonSerializerOptions Options => EngineJson.Options;
}
