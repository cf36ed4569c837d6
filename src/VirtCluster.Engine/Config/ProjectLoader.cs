using System.Text.RegularExpressions;

namespace VirtCluster.Engine.Config;

/// <summary>
/// Reads <c>Pulumi.yaml</c>: the project and its config schema. Strict, because the schema is what makes every
/// stack file's mistakes reportable: a schema that silently ignored a typo would let stack files do the same.
/// </summary>
public static partial class ProjectLoader
{
    public const string ManifestFileName = "Pulumi.yaml";

    private static readonly string[] ProjectKeys = ["name", "runtime", "main", "description", "config"];
    private static readonly string[] SchemaKeys = ["type", "default", "description", "secret", "required", "enum", "minimum", "maximum"];
    private static readonly Dictionary<string, ConfigValueType> TypeNames = new(StringComparer.Ordinal)
    {
        ["string"] = ConfigValueType.String,
        ["integer"] = ConfigValueType.Integer,
        ["number"] = ConfigValueType.Number,
        ["boolean"] = ConfigValueType.Boolean,
        ["array"] = ConfigValueType.Array,
        ["object"] = ConfigValueType.Object,
    };

    public static ProjectManifest Load(string projectDirectory)
    {
        var directory = Path.GetFullPath(projectDirectory);
        var file = Path.Combine(directory, ManifestFileName);
        if (!File.Exists(file))
        {
            throw new ConfigException($"{ManifestFileName} not found in {directory}: run the command from the project folder (the one holding {ManifestFileName})");
        }

        var root = YamlConfigReader.Parse(File.ReadAllText(file), ManifestFileName)
            ?? throw new ConfigException(new SourceLocation(ManifestFileName, 1, 1), string.Empty, "the file is empty; it needs name, runtime: dotnet, main and config");
        var project = new StrictMapping(root, string.Empty, ProjectKeys);

        var name = project.RequiredString("name", "the project name, lower case letters, digits and '-'");
        if (!ProjectName().IsMatch(name))
        {
            throw new ConfigException(project.Get("name")!.Location, "name", $"'{name}' is not a valid project name; use lower case letters, digits and '-'");
        }

        var runtime = project.RequiredString("runtime", "dotnet");
        if (runtime != "dotnet")
        {
            throw new ConfigException(project.Get("runtime")!.Location, "runtime", $"'{runtime}' is not supported; the only runtime is dotnet");
        }

        var main = project.String("main", "the program folder, e.g. infra/") ?? string.Empty;
        var description = project.String("description", "free text") ?? string.Empty;
        var schema = new Dictionary<string, ConfigKeySchema>(StringComparer.Ordinal);
        if (project.Get("config") is { } config and not ConfigScalar { IsNull: true })
        {
            if (config is not ConfigMapping keys)
            {
                throw new ConfigException(config.Location, "config", $"expected a mapping of '{name}:KEY' entries, found {ConfigNodeText.Describe(config)}");
            }

            foreach (var (key, value) in keys.Entries)
            {
                schema.Add(key.Value, ReadKey(name, key, value));
            }
        }

        return new ProjectManifest(name, runtime, main, description, directory, schema);
    }

    private static ConfigKeySchema ReadKey(string project, ConfigScalar key, ConfigNode node)
    {
        var fullKey = key.Value;
        var prefix = project + ":";
        if (!fullKey.StartsWith(prefix, StringComparison.Ordinal) || !KeyName().IsMatch(fullKey[prefix.Length..]))
        {
            throw new ConfigException(key.Location, fullKey, $"config keys must be written '{prefix}name' (letters and digits, starting with a letter)");
        }

        var entry = new StrictMapping(node, $"config.{fullKey}", SchemaKeys);
        var typeName = entry.RequiredString("type", string.Join(", ", TypeNames.Keys));
        if (!TypeNames.TryGetValue(typeName, out var type))
        {
            throw new ConfigException(entry.Get("type")!.Location, entry.KeyPath("type"), $"'{typeName}' is not a type; use one of {string.Join(", ", TypeNames.Keys)}{KeySuggestion.Hint(typeName, TypeNames.Keys)}");
        }

        var secret = entry.Boolean("secret") ?? false;
        var required = entry.Boolean("required") ?? false;
        var enumValues = entry.StringList("enum", "the accepted values") ?? [];
        var minimum = Bound(entry, "minimum");
        var maximum = Bound(entry, "maximum");
        var defaultValue = entry.Get("default");
        Reject(entry, "enum", enumValues.Count > 0 && type != ConfigValueType.String, "only string keys can have an enum");
        Reject(entry, "minimum", minimum is not null && type is not (ConfigValueType.Integer or ConfigValueType.Number), "only integer and number keys can have a minimum");
        Reject(entry, "maximum", maximum is not null && type is not (ConfigValueType.Integer or ConfigValueType.Number), "only integer and number keys can have a maximum");
        Reject(entry, "secret", secret && type != ConfigValueType.String, "only string keys can be secret");
        Reject(entry, "default", defaultValue is not null && secret, "a secret key cannot have a default (it would be plain text in Pulumi.yaml)");
        Reject(entry, "default", defaultValue is not null && required, "a required key cannot have a default");

        var schema = new ConfigKeySchema(
            fullKey,
            type,
            defaultValue,
            entry.String("description", "free text") ?? string.Empty,
            secret,
            required,
            enumValues,
            minimum,
            maximum,
            key.Location);
        if (defaultValue is not null)
        {
            ConfigTypeChecker.Check(schema, defaultValue);
        }

        return schema;
    }

    private static decimal? Bound(StrictMapping entry, string key)
    {
        if (entry.Get(key) is not { } node)
        {
            return null;
        }

        return node is ConfigScalar s && ScalarKinds.IsNumber(s, out var value)
            ? value
            : throw new ConfigException(node.Location, entry.KeyPath(key), $"expected a number, found {ConfigNodeText.Describe(node)}");
    }

    private static void Reject(StrictMapping entry, string key, bool condition, string message)
    {
        if (condition)
        {
            throw new ConfigException(entry.Get(key)!.Location, entry.KeyPath(key), message);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ProjectName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex KeyName();
}
