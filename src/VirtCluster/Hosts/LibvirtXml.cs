using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace VirtCluster.Hosts;

/// <summary>What the libvirt XML parsers share: load with a clear error, read numbers and sizes.</summary>
internal static class LibvirtXml
{
    public static XElement Load(string xml, string what, string expectedRoot)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Parse(xml);
        }
        catch (XmlException e)
        {
            throw new FormatException($"{what}: not well-formed XML ({e.Message})", e);
        }

        if (doc.Root is not { } root || root.Name.LocalName != expectedRoot)
        {
            throw new FormatException($"{what}: expected a <{expectedRoot}> document, got <{doc.Root?.Name.LocalName}>");
        }

        return root;
    }

    public static int IntAttr(XElement e, string name, string what) =>
        e.Attribute(name) is { } a && int.TryParse(a.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"{what}: <{e.Name.LocalName}> lacks a numeric '{name}' attribute");

    /// <summary>Converts a libvirt sized value (<c>unit='KiB'</c> default, as capabilities use) to bytes.</summary>
    public static long Bytes(XElement e, string what)
    {
        if (!long.TryParse(e.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw new FormatException($"{what}: <{e.Name.LocalName}> holds '{e.Value.Trim()}', not a number");
        }

        var unit = e.Attribute("unit")?.Value ?? "KiB";
        return checked(n * UnitBytes(unit, what));
    }

    public static long UnitBytes(string unit, string what) => unit switch
    {
        "b" or "bytes" => 1,
        "KiB" or "k" => 1024,
        "MiB" or "M" => 1024L * 1024,
        "GiB" or "G" => 1024L * 1024 * 1024,
        _ => throw new FormatException($"{what}: unknown size unit '{unit}'"),
    };
}
