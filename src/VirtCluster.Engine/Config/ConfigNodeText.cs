namespace VirtCluster.Engine.Config;

/// <summary>Describes what was written, for messages such as "expected an integer, found a list".</summary>
public static class ConfigNodeText
{
    public static string Describe(ConfigNode node) => node switch
    {
        ConfigMapping => "a mapping",
        ConfigSequence => "a list",
        ConfigSecret => "a secret",
        ConfigScalar s when s.IsNull => "no value",
        ConfigScalar s when ScalarKinds.IsBoolean(s, out _) => $"the boolean {s.Value}",
        ConfigScalar s when ScalarKinds.IsNumber(s, out _) => $"the number {s.Value}",
        ConfigScalar s => $"the text '{s.Value}'",
        _ => node.GetType().Name,
    };

    public static string Name(ConfigValueType type) => type switch
    {
        ConfigValueType.String => "a string",
        ConfigValueType.Integer => "an integer",
        ConfigValueType.Number => "a number",
        ConfigValueType.Boolean => "a boolean (true or false)",
        ConfigValueType.Array => "a list",
        ConfigValueType.Object => "a mapping",
        _ => type.ToString(),
    };
}
