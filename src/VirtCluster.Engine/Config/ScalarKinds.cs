using System.Globalization;
using System.Text.RegularExpressions;

namespace VirtCluster.Engine.Config;

/// <summary>
/// How a plain scalar resolves under the YAML 1.2 core schema, so that <c>8</c> (an integer), <c>"8"</c> (a string),
/// <c>true</c> (a boolean) and <c>2.7</c> (a number) are told apart the way a reader of the file expects.
/// </summary>
public static partial class ScalarKinds
{
    public static bool IsBoolean(ConfigScalar scalar, out bool value)
    {
        value = false;
        if (scalar.Quoted)
        {
            return false;
        }

        switch (scalar.Value)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                return true;
            default:
                return false;
        }
    }

    public static bool IsInteger(ConfigScalar scalar, out long value)
    {
        value = 0;
        if (scalar.Quoted)
        {
            return false;
        }

        var text = scalar.Value;
        if (HexInteger().IsMatch(text))
        {
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        return DecimalInteger().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool IsNumber(ConfigScalar scalar, out decimal value)
    {
        value = 0;
        if (IsInteger(scalar, out var integer))
        {
            value = integer;
            return true;
        }

        return !scalar.Quoted && FloatNumber().IsMatch(scalar.Value)
            && decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A string in the file's eyes: quoted, or plain text that is not a null, boolean or number.</summary>
    public static bool IsString(ConfigScalar scalar) =>
        scalar.Quoted || !(scalar.IsNull || IsBoolean(scalar, out _) || IsNumber(scalar, out _) || SpecialFloat().IsMatch(scalar.Value));

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^0x[0-9a-fA-F]+$")]
    private static partial Regex HexInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatNumber();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex SpecialFloat();
}
