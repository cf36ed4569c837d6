using System.Xml.Linq;

namespace VirtCluster.Domains;

/// <summary>Writes libvirt network XML for the cluster network: isolated with DHCP reservations, or bridged onto the host's bridge.</summary>
public static class NetworkXml
{
    public static string Write(NetworkDefinition n)
    {
        XmlNames.Name(n.Name, "network name");
        if (n.Bridge.Length > 15 || n.Bridge.Length == 0)
        {
            throw new ArgumentException($"bridge name '{n.Bridge}' must be 1 to 15 characters (a Linux interface name)");
        }

        XmlNames.Name(n.Bridge, "bridge name");
        foreach (var h in n.Hosts)
        {
            XmlNames.Name(h.Name, "DHCP host name");
            if (!n.Subnet.Contains(h.Address) || h.Address.Equals(n.Subnet.Gateway))
            {
                throw new ArgumentException($"DHCP host {h.Name}: {h.Address} is not a free host address of {n.Subnet}");
            }
        }

        if (n.Bridged)
        {
            return new XDocument(new XElement(
                "network",
                new XElement("name", n.Name),
                new XElement("forward", new XAttribute("mode", "bridge")),
                new XElement("bridge", new XAttribute("name", n.Bridge)))).ToString();
        }

        var network = new XElement(
            "network",
            new XElement("name", n.Name),
            new XElement("bridge", new XAttribute("name", n.Bridge), new XAttribute("stp", "on"), new XAttribute("delay", 0)),
            new XElement(
                "ip",
                new XAttribute("address", n.Subnet.Gateway.ToString()),
                new XAttribute("netmask", n.Subnet.Netmask.ToString()),
                new XElement(
                    "dhcp",
                    n.Hosts.Select(h => new XElement(
                        "host",
                        new XAttribute("mac", h.Mac.ToString()),
                        new XAttribute("name", h.Name),
                        new XAttribute("ip", h.Address.ToString()))))));
        return new XDocument(network).ToString();
    }
}
