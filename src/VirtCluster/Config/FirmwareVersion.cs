using System.Globalization;

namespace VirtCluster.Config;

/// <summary>
/// A dotted firmware version compared numerically by component (2.10.720 &gt; 2.9.1000; 2.7.80 &gt; 2.6.00),
/// which plain string comparison gets wrong.
/// </summary>
public sealed record FirmwareVersion(IReadOnlyList<int> Components) : IComparable<FirmwareVersion>
{
    public static bool TryParse(string? text, out FirmwareVersion version)
    {
        version = new FirmwareVersion([]);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('.');
        var components = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            if (part.Length == 0 || part.Length > 9 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }

            components.Add(n);
        }

        version = new FirmwareVersion(components);
        return true;
    }

    public static FirmwareVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a dotted firmware version such as 2.7.80");

    public int CompareTo(FirmwareVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (var i = 0; i < Math.Max(Components.Count, other.Components.Count); i++)
        {
            var a = i < Components.Count ? Components[i] : 0;
            var b = i < other.Components.Count ? other.Components[i] : 0;
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        return 0;
    }

    public bool Equals(FirmwareVersion? other) => other is not null && CompareTo(other) == 0;

    public override int GetHashCode() => Components.Reverse().SkipWhile(c => c == 0).Aggregate(17, (h, c) => (h * 31) + c);

    public static bool operator <(FirmwareVersion a, FirmwareVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(FirmwareVersion a, FirmwareVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(FirmwareVersion a, FirmwareVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(FirmwareVersion a, FirmwareVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Join('.', Components);
}
