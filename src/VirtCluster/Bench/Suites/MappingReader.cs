using System.Globalization;
using VirtCluster.Engine.Config;

namespace VirtCluster.Bench.Suites;

/// <summary>
/// Typed, strict access to one YAML mapping: every read records the key, and <see cref="RejectUnknown"/>
/// then reports any key nobody asked for, so that a typo is an error instead of a silently ignored setting.
/// </summary>
internal sealed class MappingReader
{
    private readonly ConfigMapping _mapping;
    private readonly string _path;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public MappingReader(ConfigNode node, string path)
    {
        _mapping = node as ConfigMapping ?? throw new ConfigException(node.Location, path, "expected a mapping (key: value lines)");
        _path = path;
    }

    public SourceLocation Location => _mapping.Location;

    /// <summary>For mappings whose keys are names chosen by the user (benchmarks, binaries).</summary>
    public IReadOnlyList<KeyValuePair<ConfigScalar, ConfigNode>> Entries => _mapping.Entries;

    /// <summary>Where the value of <paramref name="key"/> is written, or the mapping itself when it is absent.</summary>
    public SourceLocation LocationOf(string key) => _mapping[key]?.Location ?? _mapping.Location;

    public string KeyPath(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    public ConfigNode? Node(string key)
    {
        _known.Add(key);
        return _mapping[key] is { } node && !(node is ConfigScalar { IsNull: true }) ? node : null;
    }

    public ConfigNode RequiredNode(string key) =>
        Node(key) ?? throw new ConfigException(_mapping.Location, KeyPath(key), "is required");

    public string RequiredString(string key) => AsString(RequiredNode(key), KeyPath(key));

    public string? OptionalString(string key) => Node(key) is { } n ? AsString(n, KeyPath(key)) : null;

    public int? OptionalInt(string key) => Node(key) is { } n ? AsInt(n, KeyPath(key)) : null;

    public double RequiredDouble(string key) => AsDouble(RequiredNode(key), KeyPath(key));

    public double? OptionalDouble(string key) => Node(key) is { } n ? AsDouble(n, KeyPath(key)) : null;

    public IReadOnlyList<ConfigNode> List(string key) => Node(key) switch
    {
        null => [],
        ConfigSequence s => s.Items,
        var other => throw new ConfigException(other.Location, KeyPath(key), "expected a list"),
    };

    public void RejectUnknown()
    {
        foreach (var (key, _) in _mapping.Entries)
        {
            if (!_known.Contains(key.Value))
            {
                throw new ConfigException(key.Location, KeyPath(key.Value),
                    $"unknown key; allowed here: {string.Join(", ", _known.Order(StringComparer.Ordinal))}");
            }
        }
    }

    public static string AsString(ConfigNode node, string path) => node switch
    {
        ConfigScalar { IsNull: false } s => s.Value,
        _ => throw new ConfigException(node.Location, path, "expected a text value"),
    };

    public static int AsInt(ConfigNode node, string path) =>
        node is ConfigScalar { Quoted: false } s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new ConfigException(node.Location, path, "expected a whole number");

    public static long AsLong(ConfigNode node, string path) =>
        node is ConfigScalar { Quoted: false } s && long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new ConfigException(node.Location, path, "expected a whole number");

    public static double AsDouble(ConfigNode node, string path) =>
        node is ConfigScalar { Quoted: false } s
        && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new ConfigException(node.Location, path, "expected a number");
}
