using System.Globalization;

namespace VirtCluster.Hosts;

/// <summary>
/// A PCI function address. Hosts name it three ways (<c>0000:05:00.0</c> for tools such as mstflint,
/// <c>pci_0000_05_00_0</c> for libvirt node devices, and numeric attributes in domain XML), so one value
/// converts between them instead of each caller formatting strings.
/// </summary>
public readonly record struct PciAddress(int Domain, int Bus, int Slot, int Function)
{
    /// <summary>Parses <c>DDDD:BB:SS.F</c> (the sysfs / lspci -D form); hex components.</summary>
    public static PciAddress Parse(string text) =>
        TryParse(text, out var address)
            ? address
            : throw new FormatException($"'{text}' is not a PCI address such as 0000:05:00.0");

    public static bool TryParse(string? text, out PciAddress address)
    {
        address = default;
        var parts = text?.Trim().Split(':', '.') ?? [];
        if (parts.Length != 4
            || !TryHex(parts[0], 4, out var domain) || !TryHex(parts[1], 2, out var bus)
            || !TryHex(parts[2], 2, out var slot) || !TryHex(parts[3], 1, out var function)
            || slot > 0x1f || function > 7)
        {
            return false;
        }

        address = new PciAddress(domain, bus, slot, function);
        return true;
    }

    /// <summary>Reads libvirt's numeric attributes (<c>0x0000</c>, <c>0x05</c>, or decimal as in node device XML).</summary>
    public static int ParseNumber(string text)
    {
        var t = text.Trim();
        return t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.Parse(t.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : int.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The libvirt node device name, e.g. <c>pci_0000_05_00_0</c>.</summary>
    public string NodeDeviceName => $"pci_{Domain:x4}_{Bus:x2}_{Slot:x2}_{Function:x}";

    public override string ToString() => $"{Domain:x4}:{Bus:x2}:{Slot:x2}.{Function:x}";

    private static bool TryHex(string s, int maxDigits, out int value)
    {
        value = 0;
        return s.Length > 0 && s.Length <= maxDigits
            && int.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
