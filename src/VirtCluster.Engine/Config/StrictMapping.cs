namespace VirtCluster.Engine.Config;

/// <summary>
/// A mapping read strictly: unknown keys fail (with the closest known one suggested), and every typed read fails
/// with the value's location and its full key path (<c>virtcluster:hosts[3].ssh.port</c>) saying what is allowed.
/// </summary>
public sealed class StrictMapping
{
    private readonly ConfigMapping _mapping;

    /// <param name="node">The written value; anything but a mapping is an error.</param>
    /// <param name="path">Key path of the mapping itself, used as the prefix in messages.</param>
    /// <param name="knownKeys">Every key the mapping may hold.</param>
    public StrictMapping(ConfigNode node, string path, IReadOnlyCollection<string> knownKeys)
    {
        Path = path;
        if (node is not ConfigMapping mapping)
        {
            throw new ConfigException(node.Location, path, $"expected a mapping with keys {string.Join(", ", knownKeys)}; found {ConfigNodeText.Describe(node)}");
        }

        foreach (var key in mapping.Entries.Select(e => e.Key))
        {
            if (!knownKeys.Contains(key.Value))
            {
                throw new ConfigException(key.Location, KeyPath(key.Value), $"unknown key{KeySuggestion.Hint(key.Value, knownKeys)} (known keys: {string.Join(", ", knownKeys)})");
            }
        }

        _mapping = mapping;
    }

    public string Path { get; }

    public SourceLocation Location => _mapping.Location;

    public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The written value, or null when the key is absent.</summary>
    public ConfigNode? Get(string key) => _mapping[key];

    public ConfigNode Require(string key, string allowed) =>
        _mapping[key] ?? throw new ConfigException(_mapping.Location, KeyPath(key), $"missing; add '{key}:' ({allowed})");

    /// <summary>A string value: quoted or plain text (a plain number or boolean is refused unless <paramref name="anyScalar"/>).</summary>
    public string? String(string key, string allowed, bool anyScalar = false)
    {
        if (Get(key) is not { } node)
        {
            return null;
        }

        return node is ConfigScalar s && !s.IsNull && (anyScalar || ScalarKinds.IsString(s))
            ? s.Value
            : throw new ConfigException(node.Location, KeyPath(key), $"expected a string ({allowed}), found {ConfigNodeText.Describe(node)}");
    }

    public string RequiredString(string key, string allowed) =>
        String(key, allowed) ?? throw new ConfigException(_mapping.Location, KeyPath(key), $"missing; add '{key}:' ({allowed})");

    public long? Integer(string key, long minimum, long maximum)
    {
        if (Get(key) is not { } node)
        {
            return null;
        }

        if (node is not ConfigScalar s || !ScalarKinds.IsInteger(s, out var value))
        {
            throw new ConfigException(node.Location, KeyPath(key), $"expected an integer {minimum}..{maximum}, found {ConfigNodeText.Describe(node)}");
        }

        return value >= minimum && value <= maximum
            ? value
            : throw new ConfigException(node.Location, KeyPath(key), $"{value} is out of range; allowed: {minimum}..{maximum}");
    }

    public bool? Boolean(string key)
    {
        if (Get(key) is not { } node)
        {
            return null;
        }

        return node is ConfigScalar s && ScalarKinds.IsBoolean(s, out var value)
            ? value
            : throw new ConfigException(node.Location, KeyPath(key), $"expected a boolean (true or false), found {ConfigNodeText.Describe(node)}");
    }

    /// <summary>A list of strings; each item's error names its index.</summary>
    public IReadOnlyList<string>? StringList(string key, string allowed)
    {
        if (Get(key) is not { } node)
        {
            return null;
        }

        if (node is not ConfigSequence sequence)
        {
            throw new ConfigException(node.Location, KeyPath(key), $"expected a list of strings ({allowed}), found {ConfigNodeText.Describe(node)}");
        }

        var items = new List<string>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            items.Add(item is ConfigScalar s && !s.IsNull && ScalarKinds.IsString(s)
                ? s.Value
                : throw new ConfigException(item.Location, $"{KeyPath(key)}[{i}]", $"expected a string ({allowed}), found {ConfigNodeText.Describe(item)}"));
        }

        return items;
    }
}
