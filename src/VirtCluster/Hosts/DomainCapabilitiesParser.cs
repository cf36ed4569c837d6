namespace VirtCluster.Hosts;

/// <summary>Parses <c>virsh domcapabilities</c> XML (virConnectGetDomainCapabilities).</summary>
public static class DomainCapabilitiesParser
{
    private const string What = "domain capabilities XML";

    public static DomainCapabilities Parse(string xml)
    {
        var root = LibvirtXml.Load(xml, What, "domainCapabilities");
        var domainType = root.Element("domain")?.Value.Trim() is { Length: > 0 } d
            ? d
            : throw new FormatException($"{What}: no <domain> element naming the virt type");
        var hostdev = root.Element("devices")?.Element("hostdev");
        var supported = hostdev?.Attribute("supported")?.Value == "yes";
        var backends = (hostdev?.Elements("enum") ?? [])
            .Where(e => e.Attribute("name")?.Value == "pciBackend")
            .SelectMany(e => e.Elements("value"))
            .Select(v => v.Value.Trim())
            .ToList();
        return new DomainCapabilities(domainType, root.Element("machine")?.Value.Trim(), supported, backends);
    }
}
