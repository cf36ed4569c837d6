namespace VirtCluster.Engine.Config;

/// <summary>
/// A usage or configuration error: the CLI prints it and exits with code 2 before anything else happens.
/// The message starts with <c>file:line:column</c> when a location is known, names the key, and says what is allowed.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(SourceLocation? location, string key, string message)
        : base(Format(location, key, message))
    {
        Location = location;
        Key = key;
    }

    public ConfigException(string message)
        : base(message)
    {
        Key = string.Empty;
    }

    public SourceLocation? Location { get; }

    public string Key { get; }

    private static string Format(SourceLocation? location, string key, string message)
    {
        var where = location is null ? string.Empty : location + ": ";
        var what = key.Length == 0 ? string.Empty : $"key '{key}': ";
        return where + what + message;
    }
}
