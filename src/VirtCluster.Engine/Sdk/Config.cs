using System.Text.Json;
using System.Text.Json.Nodes;
using VirtCluster.Engine.Config;

namespace VirtCluster.Sdk;

/// <summary>
/// The stack's configuration under one namespace (Pulumi's <c>Config</c>): <c>new Config("virtcluster").Require("image")</c>
/// reads <c>virtcluster:image</c> from <c>Pulumi.STACK.yaml</c> (the project's schema has already checked types and
/// applied defaults). Errors name the file, line and key.
/// </summary>
public sealed class Config
{
    private readonly StackConfig _config;

    /// <param name="name">The namespace; the project's name when omitted.</param>
    public Config(string? name = null)
    {
        var context = DeploymentContext.Current
            ?? throw new InvalidOperationException("Config is read outside Deployment.RunAsync");
        _config = context.Config;
        Name = name ?? context.Project;
    }

    public string Name { get; }

    /// <summary>The whole stack file as loaded (values with their locations), for strict readers of structured settings.</summary>
    public StackConfig Source => _config;

    /// <summary>The folder of the stack file: relative paths in configuration are relative to it.</summary>
    public string ProjectDirectory => _config.ProjectDirectory;

    public string? Get(string key) => Node(key) is { } node ? Text(node, key) : null;

    public string Require(string key) => Get(key) ?? throw Missing(key);

    public int? GetInt32(string key) => Node(key) is { } node ? Convert<int>(node, key) : null;

    public int RequireInt32(string key) => GetInt32(key) ?? throw Missing(key);

    public bool? GetBoolean(string key) => Node(key) is { } node ? Convert<bool>(node, key) : null;

    public bool RequireBoolean(string key) => GetBoolean(key) ?? throw Missing(key);

    public double? GetDouble(string key) => Node(key) is { } node ? Convert<double>(node, key) : null;

    /// <summary>A structured value (a mapping or a list) as <typeparamref name="T"/>.</summary>
    public T? GetObject<T>(string key) => Node(key) is { } node ? Convert<T>(node, key) : default;

    public T RequireObject<T>(string key) => Node(key) is { } node ? Convert<T>(node, key) : throw Missing(key);

    /// <summary>A secret (<c>config set --secret</c>): an output marked secret, masked in plans, logs and outputs.</summary>
    public Output<string>? GetSecret(string key) => Get(key) is { } text ? Output.CreateSecret(text) : null;

    public Output<string> RequireSecret(string key) => Output.CreateSecret(Require(key));

    /// <summary>The value as written, with its location, for readers that report their own errors (file:line).</summary>
    public ConfigNode? GetNode(string key) => Node(key);

    private string FullKey(string key) => key.Contains(':', StringComparison.Ordinal) ? key : Name + ":" + key;

    private ConfigNode? Node(string key) => _config.Get(FullKey(key)) is { } node && node is not ConfigScalar { IsNull: true } ? node : null;

    private string Text(ConfigNode node, string key) => node switch
    {
        ConfigScalar scalar => scalar.Value,
        ConfigSecret secret => secret.PlainText,
        _ => throw new ConfigException(node.Location, FullKey(key), $"expected a string, found {ConfigNodeText.Describe(node)}"),
    };

    private T Convert<T>(ConfigNode node, string key)
    {
        try
        {
            return ToJson(node).Deserialize<T>(SdkJson.Options)
                ?? throw new ConfigException(node.Location, FullKey(key), "has no value");
        }
        catch (JsonException e)
        {
            throw new ConfigException(node.Location, FullKey(key), $"cannot be read as {typeof(T).Name}: {e.Message}");
        }
    }

    private ConfigException Missing(string key) =>
        new(null, FullKey(key), $"is required by the program but not set in {Path.GetFileName(_config.StackFile)}; set it with 'virtcluster config set {FullKey(key)} VALUE --stack {_config.Stack}'");

    private static JsonNode? ToJson(ConfigNode node) => node switch
    {
        ConfigSecret secret => JsonValue.Create(secret.PlainText),
        ConfigScalar { IsNull: true } => null,
        ConfigScalar scalar when !scalar.Quoted && ScalarKinds.IsBoolean(scalar, out var flag) => JsonValue.Create(flag),
        ConfigScalar scalar when !scalar.Quoted && ScalarKinds.IsInteger(scalar, out var whole) => JsonValue.Create(whole),
        ConfigScalar scalar when !scalar.Quoted && ScalarKinds.IsNumber(scalar, out var number) => JsonValue.Create(number),
        ConfigScalar scalar => JsonValue.Create(scalar.Value),
        ConfigMapping mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        ConfigSequence sequence => new JsonArray([.. sequence.Items.Select(ToJson)]),
        _ => throw new InvalidOperationException($"unexpected configuration node {node.GetType().Name}"),
    };
}
