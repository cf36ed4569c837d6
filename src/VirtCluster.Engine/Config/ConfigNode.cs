namespace VirtCluster.Engine.Config;

/// <summary>
/// A configuration value as written, with its location: the loader keeps positions so that typed
/// conversion further on (the cluster spec) can report <c>file:line:column</c> for nested keys too.
/// </summary>
public abstract record ConfigNode(SourceLocation Location);

/// <summary>A scalar; <see cref="Quoted"/> tells a quoted "123" (a string) from a plain 123.</summary>
public sealed record ConfigScalar(string Value, bool Quoted, SourceLocation Location) : ConfigNode(Location)
{
    /// <summary>A plain (unquoted) null, ~ or empty value.</summary>
    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";
}

/// <summary>A mapping with its keys in file order (duplicates are rejected by the loader).</summary>
public sealed record ConfigMapping(IReadOnlyList<KeyValuePair<ConfigScalar, ConfigNode>> Entries, SourceLocation Location)
    : ConfigNode(Location)
{
    public ConfigNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    public IEnumerable<string> Keys => Entries.Select(e => e.Key.Value);
}

public sealed record ConfigSequence(IReadOnlyList<ConfigNode> Items, SourceLocation Location) : ConfigNode(Location);

/// <summary>
/// A secret value: decrypted for use, but marked so that the engine never shows it in plans, logs or
/// outputs unless asked to (<c>--show-secrets</c>).
/// </summary>
public sealed record ConfigSecret(string PlainText, SourceLocation Location) : ConfigNode(Location)
{
    public override string ToString() => "[secret]";
}
