namespace VirtCluster.Sdk;

/// <summary>Names as JSON writes them: camelCase, like the engine's inputs and outputs.</summary>
internal static class JsonNaming
{
    public static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
