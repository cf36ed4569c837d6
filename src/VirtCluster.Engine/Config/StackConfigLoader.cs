using System.Text.RegularExpressions;
using VirtCluster.Engine.Secrets;

namespace VirtCluster.Engine.Config;

/// <summary>
/// Reads <c>Pulumi.STACK.yaml</c> against the project's schema. Everything wrong in the file is a
/// <see cref="ConfigException"/> pointing at <c>file:line:column</c>, raised before any work starts.
/// </summary>
public static partial class StackConfigLoader
{
    internal const string ConfigKey = "config";
    internal const string SaltKey = "encryptionsalt";
    internal const string SecureKey = "secure";
    private static readonly string[] TopLevelKeys = [ConfigKey, SaltKey];

    /// <param name="project">The project whose schema the stack is checked against.</param>
    /// <param name="stack">Stack name: the STACK of <c>Pulumi.STACK.yaml</c>.</param>
    /// <param name="secrets">Decrypts <c>{ secure: ... }</c> values; may be null when the stack holds none.</param>
    public static StackConfig Load(ProjectManifest project, string stack, ISecretsProvider? secrets)
    {
        var path = ExistingStackFile(project, stack);
        var file = ProjectManifest.StackFileName(stack);
        var root = YamlConfigReader.Parse(File.ReadAllText(path), file)
            ?? throw new ConfigException(new SourceLocation(file, 1, 1), string.Empty, $"the file is empty; it needs a 'config:' mapping of '{project.KeyPrefix}KEY: value' entries");
        var top = new StrictMapping(root, string.Empty, TopLevelKeys);
        top.String(SaltKey, "written by 'config set --secret'");

        var values = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
        if (top.Get(ConfigKey) is { } config and not ConfigScalar { IsNull: true })
        {
            if (config is not ConfigMapping entries)
            {
                throw new ConfigException(config.Location, ConfigKey, $"expected a mapping of '{project.KeyPrefix}KEY: value' entries, found {ConfigNodeText.Describe(config)}");
            }

            foreach (var (key, value) in entries.Entries)
            {
                var schema = SchemaOf(project, key);
                var node = Secure(schema, value, secrets);
                ConfigTypeChecker.Check(schema, node);
                values.Add(key.Value, node);
            }
        }

        var missingAt = top.Get(ConfigKey)?.Location ?? new SourceLocation(file, 1, 1);
        foreach (var schema in project.Config.Values.Where(s => !values.ContainsKey(s.Key)))
        {
            if (schema.Required)
            {
                throw new ConfigException(missingAt, schema.Key, $"required but not set; add it under 'config:' ({ConfigTypeChecker.Allowed(schema)})");
            }

            if (schema.Default is { } fallback)
            {
                values.Add(schema.Key, fallback);
            }
        }

        return new StackConfig(project.Name, stack, path, values);
    }

    /// <summary>The stacks of the project: one per <c>Pulumi.STACK.yaml</c> beside <c>Pulumi.yaml</c>, sorted.</summary>
    public static IReadOnlyList<string> ListStacks(ProjectManifest project) =>
        Directory.EnumerateFiles(project.Directory, "Pulumi.*.yaml")
            .Select(p => Path.GetFileName(p)["Pulumi.".Length..^".yaml".Length])
            .Where(s => StackName().IsMatch(s))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The absolute path of an existing stack's file, or an error that lists the stacks there are.</summary>
    internal static string ExistingStackFile(ProjectManifest project, string stack)
    {
        if (!StackName().IsMatch(stack))
        {
            throw new ConfigException($"'{stack}' is not a valid stack name; use letters, digits, '-', '_' and '.'");
        }

        var path = project.StackFilePath(stack);
        if (File.Exists(path))
        {
            return path;
        }

        var stacks = ListStacks(project);
        var existing = stacks.Count == 0 ? "there are none" : "existing stacks: " + string.Join(", ", stacks);
        throw new ConfigException($"unknown stack '{stack}' (no {ProjectManifest.StackFileName(stack)} in {project.Directory}); {existing}{KeySuggestion.Hint(stack, stacks)}");
    }

    private static ConfigKeySchema SchemaOf(ProjectManifest project, ConfigScalar key)
    {
        if (project.Config.TryGetValue(key.Value, out var schema))
        {
            return schema;
        }

        var hint = KeySuggestion.Hint(key.Value, project.Config.Keys);
        if (!key.Value.StartsWith(project.KeyPrefix, StringComparison.Ordinal))
        {
            hint = KeySuggestion.Hint(project.KeyPrefix + key.Value[(key.Value.LastIndexOf(':') + 1)..], project.Config.Keys);
            throw new ConfigException(key.Location, key.Value, $"config keys are namespaced '{project.KeyPrefix}'{hint}");
        }

        throw new ConfigException(key.Location, key.Value, $"unknown key{hint} (keys are declared in {ProjectLoader.ManifestFileName})");
    }

    /// <summary>Turns <c>{ secure: v1:... }</c> into a <see cref="ConfigSecret"/>; refuses plain text for a secret key.</summary>
    private static ConfigNode Secure(ConfigKeySchema schema, ConfigNode value, ISecretsProvider? secrets)
    {
        if (value is ConfigMapping { Entries: [{ Key.Value: SecureKey } entry] } && schema.Type == ConfigValueType.String)
        {
            if (entry.Value is not ConfigScalar { IsNull: false } cipher)
            {
                throw new ConfigException(entry.Value.Location, schema.Key, "'secure:' must hold the encrypted text written by 'config set --secret'");
            }

            if (secrets is null)
            {
                throw new ConfigException(cipher.Location, schema.Key, "the value is secret but no secrets provider was given to decrypt it");
            }

            try
            {
                return new ConfigSecret(secrets.Decrypt(cipher.Value), cipher.Location);
            }
            catch (ConfigException e)
            {
                throw new ConfigException(cipher.Location, schema.Key, e.Message);
            }
        }

        if (schema.Secret && value is ConfigScalar { IsNull: false })
        {
            throw new ConfigException(value.Location, schema.Key, $"is secret and must not be written in plain text; set it with './virtcluster config set {schema.Key} VALUE --secret'");
        }

        return value;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex StackName();
}
