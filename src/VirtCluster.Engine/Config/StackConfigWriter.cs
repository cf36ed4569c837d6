using VirtCluster.Engine.IO;
using VirtCluster.Engine.Secrets;

namespace VirtCluster.Engine.Config;

/// <summary>
/// <c>config set</c>: changes one key of a stack file by editing its text, so comments, order and layout of
/// everything else stay as the user wrote them; the file is replaced atomically.
/// </summary>
public static class StackConfigWriter
{
    /// <summary>Sets a key; a secret is encrypted with the passphrase from <c>VIRTCLUSTER_CONFIG_PASSPHRASE</c>.</summary>
    /// <param name="project">The project whose schema the key must be in.</param>
    /// <param name="stack">An existing stack.</param>
    /// <param name="key">Full (<c>virtcluster:vcpus</c>) or short (<c>vcpus</c>) key name.</param>
    /// <param name="value">The value as typed on the command line; parsed by the key's type.</param>
    /// <param name="secret">Store encrypted; required for keys the schema marks secret.</param>
    public static void Set(ProjectManifest project, string stack, string key, string value, bool secret)
    {
        var schema = SchemaOf(project, key);
        var secrets = secret || schema.Secret ? PassphraseSecretsProvider.FromEnvironment(project, stack) : null;
        Set(project, stack, key, value, secret, secrets);
    }

    /// <summary>As <see cref="Set(ProjectManifest, string, string, string, bool)"/> with an explicit secrets provider.</summary>
    /// <param name="project">The project whose schema the key must be in.</param>
    /// <param name="stack">An existing stack.</param>
    /// <param name="key">Full or short key name.</param>
    /// <param name="value">The value as typed on the command line.</param>
    /// <param name="secret">Store encrypted.</param>
    /// <param name="secrets">Encrypts the value; when its salt is new, the salt is written to the file too.</param>
    public static void Set(ProjectManifest project, string stack, string key, string value, bool secret, PassphraseSecretsProvider? secrets)
    {
        var schema = SchemaOf(project, key);
        if (schema.Secret && !secret)
        {
            throw new ConfigException(null, schema.Key, "is secret; add --secret so that it is stored encrypted");
        }

        var file = ProjectManifest.StackFileName(stack);
        var rendered = Render(schema, value, secret, file);
        if (secret)
        {
            if (secrets is null)
            {
                throw new ConfigException(null, schema.Key, "a secret value needs a secrets provider");
            }

            rendered = $"{{ {StackConfigLoader.SecureKey}: {secrets.Encrypt(value)} }}";
        }

        var path = StackConfigLoader.ExistingStackFile(project, stack);
        var text = File.ReadAllText(path);
        if (YamlConfigReader.Parse(text, file) is not (null or ConfigMapping))
        {
            throw new ConfigException(new SourceLocation(file, 1, 1), string.Empty, "the file is not a mapping; fix it before setting values");
        }

        text = SetEntry(text, file, schema.Key, rendered);
        if (secrets is { SaltIsNew: true } && MappingSpan.ReadRoot(text, string.Empty)?[StackConfigLoader.SaltKey] is null)
        {
            text = $"{StackConfigLoader.SaltKey}: {secrets.EncryptionSalt}\n" + text;
        }

        // What is written must read back: a failed edit must never replace a good file.
        if (YamlConfigReader.Parse(text, file) is not ConfigMapping root
            || root[StackConfigLoader.ConfigKey] is not ConfigMapping config
            || config[schema.Key] is null)
        {
            throw new ConfigException(null, schema.Key, $"could not edit {file} safely; set the value by editing the file");
        }

        AtomicFile.Write(path, text, AtomicFile.Readable, keepExistingMode: true);
    }

    private static ConfigKeySchema SchemaOf(ProjectManifest project, string key)
    {
        var fullKey = key.Contains(':', StringComparison.Ordinal) ? key : project.KeyPrefix + key;
        return project.Config.TryGetValue(fullKey, out var schema)
            ? schema
            : throw new ConfigException(null, key, $"unknown key{KeySuggestion.Hint(fullKey, project.Config.Keys)} (keys are declared in {ProjectLoader.ManifestFileName})");
    }

    /// <summary>The value as YAML text, checked against the key's type, enum and range.</summary>
    private static string Render(ConfigKeySchema schema, string value, bool secret, string file)
    {
        if (secret)
        {
            return schema.Type == ConfigValueType.String
                ? string.Empty
                : throw new ConfigException(null, schema.Key, $"only strings can be secret; this key is {ConfigNodeText.Name(schema.Type)}");
        }

        var text = schema.Type switch
        {
            ConfigValueType.String => YamlScalarText.String(value),
            ConfigValueType.Boolean => value.ToLowerInvariant(),
            ConfigValueType.Integer or ConfigValueType.Number => value.Trim(),
            _ => throw new ConfigException(null, schema.Key, $"is {ConfigNodeText.Name(schema.Type)}; edit {file} to change it"),
        };
        var written = new ConfigScalar(schema.Type == ConfigValueType.String ? value : text, schema.Type == ConfigValueType.String, new SourceLocation("command line", 1, 1));
        return ConfigTypeChecker.Problem(schema, written) is { } problem
            ? throw new ConfigException(null, schema.Key, problem)
            : text;
    }

    /// <summary>Replaces the key's value under <c>config:</c>, or adds the key (and <c>config:</c> itself) where missing.</summary>
    private static string SetEntry(string text, string file, string key, string rendered)
    {
        var root = MappingSpan.ReadRoot(text, StackConfigLoader.ConfigKey);
        var config = root?[StackConfigLoader.ConfigKey];
        if (config is null)
        {
            var separator = text.Length == 0 || text.EndsWith('\n') ? string.Empty : "\n";
            return $"{text}{separator}{StackConfigLoader.ConfigKey}:\n  {key}: {rendered}\n";
        }

        if (config.Nested is null)
        {
            if (!config.ValueIsNull)
            {
                throw new ConfigException(new SourceLocation(file, 1, 1), StackConfigLoader.ConfigKey, "is not a mapping; fix it before setting values");
            }

            return InsertLineAfter(text, config.ValueEnd, $"  {key}: {rendered}");
        }

        var entries = config.Nested;
        if (entries[key] is { } existing)
        {
            var from = existing.KeyEnd;
            var to = existing.ValueIsNull ? text.IndexOf(':', from) + 1 : existing.ValueEnd;
            return string.Concat(text.AsSpan(0, from), ": ", rendered, text.AsSpan(to));
        }

        if (entries.Flow)
        {
            return entries.Entries.Count == 0
                ? text.Insert(entries.EndIndex, $"{key}: {rendered}")
                : text.Insert(entries.Entries[^1].ValueEnd, $", {key}: {rendered}");
        }

        var indent = new string(' ', entries.Entries[0].Column - 1);
        return InsertLineAfter(text, entries.Entries[^1].ValueEnd, $"{indent}{key}: {rendered}");
    }

    /// <summary>Inserts a whole line after the line holding <paramref name="offset"/>.</summary>
    private static string InsertLineAfter(string text, int offset, string line)
    {
        var newline = text.IndexOf('\n', Math.Min(offset, text.Length));
        return newline < 0
            ? $"{text}\n{line}\n"
            : text.Insert(newline + 1, line + "\n");
    }
}
