using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VirtCluster.Engine.Progress;

/// <summary>
/// One JSON scalar as a person reads it in a summary. Keys that end in a unit, as stack outputs are named
/// (<c>memoryBytes</c>, <c>bandwidthBytesPerSecond</c>, <c>latencyUs</c>), show their number in that unit
/// (<c>1 GiB</c>, <c>1.23 GB/s</c>, <c>61.2 µs</c>); other numbers keep four significant digits, which is all a
/// glance needs. The exact value is always one <c>--json</c> away.
/// </summary>
internal static class ValueText
{
    private static readonly string[] DecimalPrefixes = ["", "k", "M", "G", "T", "P"];
    private static readonly string[] BinaryUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    /// <param name="node">A JSON scalar (or null).</param>
    /// <param name="unitKey">The key that names the value's unit, if any: the property itself or the object it is in.</param>
    public static string Format(JsonNode? node, string? unitKey)
    {
        if (node is not JsonValue value)
        {
            return "-";
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return OneLine(value.GetValue<string>());
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number:
                // Through the text: a value built in code (an int) and one parsed from the state convert alike.
                return Number(double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture), unitKey);
            default:
                return "-";
        }
    }

    /// <summary>Whether <paramref name="key"/> names a unit this class shows numbers in.</summary>
    public static bool HasUnit(string key) =>
        key.EndsWith("Bytes", StringComparison.Ordinal)
        || key.EndsWith("BytesPerSecond", StringComparison.Ordinal)
        || key.EndsWith("Us", StringComparison.Ordinal);

    private static string Number(double number, string? unitKey) => unitKey switch
    {
        { } key when key.EndsWith("BytesPerSecond", StringComparison.Ordinal) => Scaled(number, 1000, DecimalPrefixes) + "B/s",
        { } key when key.EndsWith("Bytes", StringComparison.Ordinal) => Binary(number),
        { } key when key.EndsWith("Us", StringComparison.Ordinal) => Plain(number) + " µs",
        _ => Plain(number),
    };

    /// <summary>Whole numbers as they are (counts, ids); fractions to four significant digits, never in exponent form above 1e-4.</summary>
    private static string Plain(double number)
    {
        if (number == Math.Floor(number) && Math.Abs(number) < 1e15)
        {
            return number.ToString("0", CultureInfo.InvariantCulture);
        }

        return Math.Abs(number) >= 1000
            ? number.ToString("0", CultureInfo.InvariantCulture)
            : number.ToString("G4", CultureInfo.InvariantCulture);
    }

    /// <summary>Sizes in binary units, exact when they are whole (<c>4 MiB</c>), else to three digits (<c>1.5 GiB</c>).</summary>
    private static string Binary(double bytes)
    {
        var unit = 0;
        var scaled = bytes;
        while (Math.Abs(scaled) >= 1024 && unit < BinaryUnits.Length - 1)
        {
            scaled /= 1024;
            unit++;
        }

        var digits = scaled == Math.Floor(scaled) ? scaled.ToString("0", CultureInfo.InvariantCulture) : scaled.ToString("G3", CultureInfo.InvariantCulture);
        return $"{digits} {BinaryUnits[unit]}";
    }

    /// <summary>Rates in decimal prefixes to three digits, as network bandwidth is quoted (<c>1.23 GB/s</c>).</summary>
    private static string Scaled(double number, double step, string[] prefixes)
    {
        var prefix = 0;
        var scaled = number;
        while (Math.Abs(scaled) >= step && prefix < prefixes.Length - 1)
        {
            scaled /= step;
            prefix++;
        }

        return $"{scaled.ToString("G3", CultureInfo.InvariantCulture)} {prefixes[prefix]}";
    }

    /// <summary>A summary line holds one line of a string; the rest is counted, not printed.</summary>
    private static string OneLine(string text)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        return lines.Length == 1 ? text : $"{lines[0]} … ({lines.Length} lines)";
    }
}
