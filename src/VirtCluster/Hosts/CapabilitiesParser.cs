using System.Xml.Linq;

namespace VirtCluster.Hosts;

/// <summary>Parses <c>virsh capabilities</c> XML (virConnectGetCapabilities) into <see cref="HostCapabilities"/>.</summary>
public static class CapabilitiesParser
{
    private const string What = "capabilities XML";

    public static HostCapabilities Parse(string xml)
    {
        var root = LibvirtXml.Load(xml, What, "capabilities");
        var host = root.Element("host") ?? throw new FormatException($"{What}: no <host> element");
        var cpu = host.Element("cpu");
        var arch = cpu?.Element("arch")?.Value.Trim() ?? "unknown";
        var cells = (host.Element("topology")?.Element("cells")?.Elements("cell") ?? []).Select(ParseCell).ToList();
        if (cells.Count == 0 || cells.Any(c => c.Cpus.Count == 0))
        {
            throw new FormatException($"{What}: no NUMA cells with CPUs under host/topology/cells; the driver gives no topology to plan from");
        }

        var topology = cpu?.Element("topology");
        var allCpus = cells.SelectMany(c => c.Cpus).ToList();
        var sockets = topology is null ? allCpus.Select(c => c.SocketId).Distinct().Count() : LibvirtXml.IntAttr(topology, "sockets", What);
        var threads = topology is null ? 1 : LibvirtXml.IntAttr(topology, "threads", What);
        var cores = topology is null ? allCpus.Count / sockets : LibvirtXml.IntAttr(topology, "cores", What);

        // libvirt reports sockets per NUMA node in host/cpu/topology; normalise to sockets per host.
        var distinctSockets = allCpus.Select(c => c.SocketId).Distinct().Count();
        if (sockets * cores * threads != allCpus.Count && distinctSockets * cores * threads == allCpus.Count)
        {
            sockets = distinctSockets;
        }

        var domainTypes = root.Elements("guest")
            .SelectMany(g => g.Element("arch")?.Elements("domain") ?? [])
            .Select(d => d.Attribute("type")?.Value)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return new HostCapabilities(arch, sockets, cores, threads, cells, domainTypes);
    }

    private static NumaCell ParseCell(XElement cell)
    {
        var id = LibvirtXml.IntAttr(cell, "id", What);
        var memory = cell.Element("memory") is { } m ? LibvirtXml.Bytes(m, What) : 0;
        var pages = cell.Elements("pages").ToDictionary(
            p => LibvirtXml.IntAttr(p, "size", What) * LibvirtXml.UnitBytes(p.Attribute("unit")?.Value ?? "KiB", What) / 1024,
            p => long.TryParse(p.Value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new FormatException($"{What}: cell {id} has a <pages> count '{p.Value.Trim()}' that is not a number"));
        var cpus = (cell.Element("cpus")?.Elements("cpu") ?? [])
            .Select(c => new HostCpu(
                LibvirtXml.IntAttr(c, "id", What),
                c.Attribute("socket_id") is null ? 0 : LibvirtXml.IntAttr(c, "socket_id", What),
                c.Attribute("core_id") is null ? LibvirtXml.IntAttr(c, "id", What) : LibvirtXml.IntAttr(c, "core_id", What)))
            .OrderBy(c => c.Id)
            .ToList();
        return new NumaCell(id, cpus, memory, pages);
    }
}
