using System.Text.RegularExpressions;
using VirtCluster.Engine.Config;

namespace VirtCluster.Config;

/// <summary>
/// Typed reads of single config values that fail with the value's <c>file:line:column</c>, its key path and what is
/// allowed. Names that end up in shell commands, file paths and libvirt XML are checked against tight patterns here.
/// </summary>
internal static partial class ConfigValues
{
    public const string NameAllowed = "lower case letters, digits and '-', starting with a letter or digit, at most 63 characters";

    /// <summary>The text of a scalar or a decrypted secret.</summary>
    public static string Text(ConfigNode node, string path, string allowed) => node switch
    {
        ConfigSecret secret => secret.PlainText,
        ConfigScalar { IsNull: false } scalar => scalar.Value,
        _ => throw new ConfigException(node.Location, path, $"expected {allowed}, found {ConfigNodeText.Describe(node)}"),
    };

    public static string Name(ConfigNode node, string path)
    {
        var name = Text(node, path, "a name");
        return HostName().IsMatch(name)
            ? name
            : throw new ConfigException(node.Location, path, $"'{name}' is not a valid name; use {NameAllowed}");
    }

    public static T Choice<T>(ConfigNode node, string path, IReadOnlyDictionary<string, T> choices)
    {
        var text = Text(node, path, "one of " + string.Join(", ", choices.Keys));
        return choices.TryGetValue(text, out var value)
            ? value
            : throw new ConfigException(node.Location, path, $"'{text}' is not allowed; use one of {string.Join(", ", choices.Keys)}{KeySuggestion.Hint(text, choices.Keys)}");
    }

    /// <summary>A duration such as 90s, 10m or 2h; longer than zero.</summary>
    public static TimeSpan Duration(ConfigNode node, string path)
    {
        var match = DurationPattern().Match(Text(node, path, "a duration such as 90s, 10m or 2h"));
        if (!match.Success)
        {
            throw new ConfigException(node.Location, path, "expected a duration such as 90s, 10m or 2h");
        }

        var amount = double.Parse(match.Groups["amount"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var seconds = amount * match.Groups["unit"].Value switch
        {
            "s" => 1,
            "m" => 60,
            _ => 3600,
        };
        if (seconds >= TimeSpan.MaxValue.TotalSeconds)
        {
            throw new ConfigException(node.Location, path, "is too long; write a duration such as 90s, 10m or 2h");
        }

        var span = TimeSpan.FromSeconds(seconds);
        return span > TimeSpan.Zero ? span : throw new ConfigException(node.Location, path, "must be longer than zero");
    }

    public static long Size(ConfigNode node, string path, long minimum, long maximum)
    {
        var text = Text(node, path, ByteSize.Allowed);
        if (!ByteSize.TryParse(text, out var bytes))
        {
            var hint = DecimalUnit().IsMatch(text) ? " (decimal units such as GB are ambiguous; use GiB)" : string.Empty;
            throw new ConfigException(node.Location, path, $"'{text}' is not a size; write {ByteSize.Allowed}{hint}");
        }

        return bytes >= minimum && bytes <= maximum
            ? bytes
            : throw new ConfigException(node.Location, path, $"{text} is out of range; allowed: {ByteSize.Format(minimum)}..{ByteSize.Format(maximum)}");
    }

    /// <summary>A PCI id such as <c>0x15b3</c> (plain YAML reads it as a hex number; quoted it is text: both are fine).</summary>
    public static int PciId(ConfigNode node, string path)
    {
        var text = Text(node, path, "a hex PCI id such as 0x15b3");
        return PciIdText().IsMatch(text)
            ? Convert.ToInt32(text[2..], 16)
            : throw new ConfigException(node.Location, path, $"'{text}' is not a PCI id; write four hex digits after 0x, e.g. 0x15b3");
    }

    /// <summary>A path as written, resolved against the project folder (and <c>~/</c> against the home folder).</summary>
    public static string Path(ConfigNode node, string path, string projectDirectory)
    {
        var text = Text(node, path, "a file path");
        if (text.Contains('\0', StringComparison.Ordinal) || text.Trim().Length == 0)
        {
            throw new ConfigException(node.Location, path, "is not a usable path");
        }

        if (text.StartsWith("~/", StringComparison.Ordinal))
        {
            text = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), text[2..]);
        }

        return System.IO.Path.GetFullPath(System.IO.Path.Combine(projectDirectory, text));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    internal static partial Regex HostName();

    [GeneratedRegex(@"^(?<amount>\d+(?:\.\d+)?)(?<unit>[smh])$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex("^0x[0-9a-fA-F]{4}$")]
    private static partial Regex PciIdText();

    [GeneratedRegex("^[0-9]+ ?[KMGT]B?$")]
    private static partial Regex DecimalUnit();
}
