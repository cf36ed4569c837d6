using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VirtCluster.Engine.Config;

/// <summary>Writes a string as a YAML scalar that reads back as the same string: plain when safe, double-quoted otherwise.</summary>
internal static partial class YamlScalarText
{
    public static string String(string value)
    {
        if (SafePlain().IsMatch(value) && ScalarKinds.IsString(new ConfigScalar(value, false, new SourceLocation(string.Empty, 0, 0))))
        {
            return value;
        }

        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    /// <summary>Characters that need no quoting in block and flow context alike.</summary>
    [GeneratedRegex("^[A-Za-z0-9_./~][A-Za-z0-9_./~:@+=-]*$")]
    private static partial Regex SafePlain();
}
