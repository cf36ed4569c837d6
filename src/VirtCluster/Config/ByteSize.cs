using System.Globalization;
using System.Text.RegularExpressions;

namespace VirtCluster.Config;

/// <summary>
/// Memory sizes written with binary units (<c>45GiB</c>, <c>512MiB</c>). Units are required and binary only, because
/// "45G" or "45GB" is ambiguous by 7 % and guest memory is sized against host memory to the page.
/// </summary>
public static partial class ByteSize
{
    public const long KiB = 1024;
    public const long MiB = 1024 * KiB;
    public const long GiB = 1024 * MiB;
    public const long TiB = 1024 * GiB;

    public const string Allowed = "a whole number with a binary unit KiB, MiB, GiB or TiB, e.g. 45GiB";

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var match = Size().Match(text.Trim());
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }

        var unit = match.Groups[2].Value switch
        {
            "KiB" => KiB,
            "MiB" => MiB,
            "GiB" => GiB,
            _ => TiB,
        };
        if (count > long.MaxValue / unit)
        {
            return false;
        }

        bytes = count * unit;
        return true;
    }

    /// <summary>The largest unit that divides the size exactly: 48318382080 is 45GiB.</summary>
    public static string Format(long bytes)
    {
        foreach (var (unit, name) in new[] { (TiB, "TiB"), (GiB, "GiB"), (MiB, "MiB"), (KiB, "KiB") })
        {
            if (bytes != 0 && bytes % unit == 0)
            {
                return (bytes / unit).ToString(CultureInfo.InvariantCulture) + name;
            }
        }

        return bytes == 0 ? "0GiB" : bytes.ToString(CultureInfo.InvariantCulture) + "B";
    }

    [GeneratedRegex("^([0-9]{1,18}) ?(KiB|MiB|GiB|TiB)$")]
    private static partial Regex Size();
}
