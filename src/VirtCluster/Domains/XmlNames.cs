using System.Text.RegularExpressions;

namespace VirtCluster.Domains;

/// <summary>
/// Validates the user-influenced values that go into libvirt XML. XLinq escapes markup, but libvirt still
/// rejects or misreads names with slashes or control characters, so they are refused here with the value named.
/// </summary>
public static partial class XmlNames
{
    /// <summary>A libvirt object name: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 long.</summary>
    public static string Name(string value, string what) =>
        NameRegex().IsMatch(value)
            ? value
            : throw new ArgumentException($"{what} '{value}' is not a valid name: use letters, digits, '.', '_' or '-' (at most 64, starting with a letter or digit)");

    /// <summary>An absolute path without control characters.</summary>
    public static string AbsolutePath(string value, string what) =>
        value.StartsWith('/') && !value.Any(char.IsControl)
            ? value
            : throw new ArgumentException($"{what} '{value}' must be an absolute path without control characters");

    /// <summary>Free text such as a kernel command line: anything printable.</summary>
    public static string Text(string value, string what) =>
        !value.Any(char.IsControl)
            ? value
            : throw new ArgumentException($"{what} contains control characters");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NameRegex();
}
