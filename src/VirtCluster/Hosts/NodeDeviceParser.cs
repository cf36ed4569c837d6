using System.Xml.Linq;

namespace VirtCluster.Hosts;

/// <summary>Parses libvirt node device XML (virNodeDeviceGetXMLDesc); only PCI devices matter for passthrough.</summary>
public static class NodeDeviceParser
{
    private const string What = "node device XML";

    /// <summary>The PCI device described, or null for other device kinds (net, usb, scsi, the computer itself).</summary>
    public static NodeDevice? ParsePci(string xml)
    {
        var root = LibvirtXml.Load(xml, What, "device");
        var name = root.Element("name")?.Value.Trim() ?? throw new FormatException($"{What}: no <name>");
        var pci = root.Elements("capability").FirstOrDefault(c => c.Attribute("type")?.Value == "pci");
        if (pci is null)
        {
            return null;
        }

        var what = $"{What} of {name}";
        var address = new PciAddress(Number(pci, "domain", what), Number(pci, "bus", what), Number(pci, "slot", what), Number(pci, "function", what));
        var group = pci.Element("iommuGroup");
        var members = (group?.Elements("address") ?? []).Select(a => AddressFromAttributes(a, what)).ToList();
        return new NodeDevice(
            name,
            address,
            IdAttr(pci.Element("vendor"), what),
            IdAttr(pci.Element("product"), what),
            pci.Element("class") is { } cls ? PciAddress.ParseNumber(cls.Value) : null,
            root.Element("driver")?.Element("name")?.Value.Trim(),
            group is null ? null : LibvirtXml.IntAttr(group, "number", what),
            members);
    }

    internal static PciAddress AddressFromAttributes(XElement a, string what)
    {
        int Attr(string n) => a.Attribute(n) is { } v ? PciAddress.ParseNumber(v.Value) : throw new FormatException($"{what}: <address> lacks '{n}'");
        return new PciAddress(Attr("domain"), Attr("bus"), Attr("slot"), Attr("function"));
    }

    private static int Number(XElement pci, string element, string what) =>
        pci.Element(element) is { } e ? PciAddress.ParseNumber(e.Value) : throw new FormatException($"{what}: no <{element}>");

    private static int IdAttr(XElement? e, string what) =>
        e?.Attribute("id") is { } id ? PciAddress.ParseNumber(id.Value) : throw new FormatException($"{what}: <{e?.Name.LocalName ?? "vendor/product"}> lacks an id");
}
