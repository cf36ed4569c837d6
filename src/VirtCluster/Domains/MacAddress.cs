using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VirtCluster.Domains;

/// <summary>
/// A MAC address in QEMU's locally administered 52:54:00 range. Derived from stack and node names so that
/// re-creating a node gives it the same MAC and therefore the same DHCP reservation and address.
/// </summary>
public readonly record struct MacAddress(byte B3, byte B4, byte B5)
{
    /// <summary>The last three bytes are the first three of SHA-256("stack/node").</summary>
    public static MacAddress Derive(string stack, string node)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{stack}/{node}"));
        return new MacAddress(hash[0], hash[1], hash[2]);
    }

    public static MacAddress Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 6 || !text.StartsWith("52:54:00:", StringComparison.OrdinalIgnoreCase)
            || parts.Any(p => p.Length != 2 || !byte.TryParse(p, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"'{text}' is not a MAC address in the 52:54:00 range (52:54:00:xx:xx:xx)");
        }

        byte B(int i) => byte.Parse(parts[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return new MacAddress(B(3), B(4), B(5));
    }

    public override string ToString() => $"52:54:00:{B3:x2}:{B4:x2}:{B5:x2}";
}
