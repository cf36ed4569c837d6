using System.Xml.Linq;
using VirtCluster.Hosts;
using VirtCluster.Planning;

namespace VirtCluster.Domains;

/// <summary>
/// Writes libvirt domain XML from a <see cref="DomainDefinition"/>: q35 for kvm/TCG, libxl HVM and PV for Xen.
/// Every value goes through System.Xml.Linq after validation; nothing is formatted into markup by hand.
/// </summary>
public static class DomainXml
{
    public static string Write(DomainDefinition d) => ToDocument(d).ToString();

    public static XDocument ToDocument(DomainDefinition d)
    {
        Validate(d);
        var xen = d.Flavour is DomainFlavour.XenHvm or DomainFlavour.XenPv;
        var domain = new XElement(
            "domain",
            new XAttribute("type", d.Flavour switch { DomainFlavour.Kvm => "kvm", DomainFlavour.Tcg => "qemu", _ => "xen" }),
            new XElement("name", d.Name),
            new XElement("memory", new XAttribute("unit", "KiB"), d.MemoryBytes / 1024),
            d.HugePageSizeKiB is { } page
                ? new XElement("memoryBacking", new XElement("hugepages", new XElement("page", new XAttribute("size", page), new XAttribute("unit", "KiB"))))
                : null,
            new XElement("vcpu", new XAttribute("placement", "static"), d.Vcpus),
            CpuTune(d),
            NumaTune(d),
            Os(d),
            d.Flavour == DomainFlavour.XenPv ? null : new XElement("features", new XElement("acpi"), new XElement("apic"), TcgCache(d)),
            Cpu(d),
            new XElement("clock", new XAttribute("offset", "utc")),
            new XElement("on_poweroff", "destroy"),
            new XElement("on_reboot", "restart"),
            new XElement("on_crash", "destroy"),
            Devices(d, xen));
        return new XDocument(domain);
    }

    private static void Validate(DomainDefinition d)
    {
        XmlNames.Name(d.Name, "domain name");
        if (d.Vcpus < 1 || d.MemoryBytes < 1024 * 1024)
        {
            throw new ArgumentException($"domain {d.Name}: needs at least 1 vCPU and 1 MiB of memory");
        }

        if (d.Flavour == DomainFlavour.XenPv && d.Kernel is null)
        {
            throw new ArgumentException($"domain {d.Name}: Xen PV guests boot their kernel directly; give a kernel");
        }

        if (d.Kernel is { } k)
        {
            XmlNames.AbsolutePath(k.Kernel, "kernel");
            _ = k.Initrd is null ? null : XmlNames.AbsolutePath(k.Initrd, "initrd");
            _ = k.Cmdline is null ? null : XmlNames.Text(k.Cmdline, "kernel command line");
        }

        _ = d.DiskPath is null ? null : XmlNames.AbsolutePath(d.DiskPath, "disk");
        _ = d.SerialLogPath is null ? null : XmlNames.AbsolutePath(d.SerialLogPath, "serial log");
        foreach (var nic in d.Nics)
        {
            XmlNames.Name(nic.Network, "network name");
        }
    }

    private static XElement? CpuTune(DomainDefinition d) =>
        d.VcpuPins.Count == 0 && d.EmulatorPin is null
            ? null
            : new XElement(
                "cputune",
                d.VcpuPins.Select(p => new XElement("vcpupin", new XAttribute("vcpu", p.Vcpu), new XAttribute("cpuset", CpuSet.Format(p.HostCpus)))),
                d.EmulatorPin is { } e ? new XElement("emulatorpin", new XAttribute("cpuset", CpuSet.Format(e))) : null);

    private static XElement? NumaTune(DomainDefinition d) =>
        !d.BindMemoryToCells || d.NumaCells.Count == 0
            ? null
            : new XElement(
                "numatune",
                new XElement("memory", new XAttribute("mode", "strict"), new XAttribute("nodeset", CpuSet.Format(d.NumaCells.Select(c => c.HostCell)))),
                d.NumaCells.Select(c => new XElement(
                    "memnode", new XAttribute("cellid", c.Id), new XAttribute("mode", "strict"), new XAttribute("nodeset", c.HostCell))));

    private static XElement Os(DomainDefinition d)
    {
        var type = d.Flavour switch
        {
            DomainFlavour.XenPv => new XElement("type", new XAttribute("arch", "x86_64"), new XAttribute("machine", "xenpv"), "linux"),
            DomainFlavour.XenHvm => new XElement("type", new XAttribute("arch", "x86_64"), new XAttribute("machine", "xenfv"), "hvm"),
            _ => new XElement("type", new XAttribute("arch", "x86_64"), new XAttribute("machine", "q35"), "hvm"),
        };
        var boot = d.Kernel is { } k
            ? new object?[]
            {
                new XElement("kernel", k.Kernel),
                k.Initrd is null ? null : new XElement("initrd", k.Initrd),
                k.Cmdline is null ? null : new XElement("cmdline", k.Cmdline),
            }
            : [new XElement("boot", new XAttribute("dev", "hd"))];
        return new XElement("os", type, boot);
    }

    private static XElement? Cpu(DomainDefinition d)
    {
        if (d.CpuMode is null && d.Topology is null && d.NumaCells.Count == 0)
        {
            return null;
        }

        return new XElement(
            "cpu",
            d.CpuMode is null ? null : new XAttribute("mode", d.CpuMode),
            d.Topology is { } t
                ? new XElement("topology", new XAttribute("sockets", t.Sockets), new XAttribute("dies", 1), new XAttribute("cores", t.Cores), new XAttribute("threads", t.Threads))
                : null,
            d.NumaCells.Count == 0
                ? null
                : new XElement("numa", d.NumaCells.Select(c => new XElement(
                    "cell",
                    new XAttribute("id", c.Id),
                    new XAttribute("cpus", CpuSet.Format(c.Vcpus)),
                    new XAttribute("memory", c.MemoryBytes / 1024),
                    new XAttribute("unit", "KiB")))));
    }

    private static XElement Devices(DomainDefinition d, bool xen)
    {
        var devices = new XElement("devices");
        if (d.DiskPath is { } disk)
        {
            devices.Add(new XElement(
                "disk",
                new XAttribute("type", "file"),
                new XAttribute("device", "disk"),
                new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", "qcow2")),
                new XElement("source", new XAttribute("file", disk)),
                new XElement("target", new XAttribute("dev", xen ? "xvda" : "vda"), new XAttribute("bus", xen ? "xen" : "virtio"))));
        }

        foreach (var nic in d.Nics)
        {
            devices.Add(new XElement(
                "interface",
                new XAttribute("type", "network"),
                new XElement("mac", new XAttribute("address", nic.Mac.ToString())),
                new XElement("source", new XAttribute("network", nic.Network)),
                xen ? null : new XElement("model", new XAttribute("type", "virtio"))));
        }

        if (d.Flavour == DomainFlavour.XenPv)
        {
            // A PV guest has no emulated UART; its console is the Xen PV console.
            devices.Add(new XElement("console", new XAttribute("type", "pty"), new XElement("target", new XAttribute("type", "xen"), new XAttribute("port", 0))));
        }
        else if (d.SerialLogPath is { } log)
        {
            devices.Add(new XElement(
                "serial",
                new XAttribute("type", "file"),
                new XElement("source", new XAttribute("path", log)),
                new XElement("target", new XAttribute("port", 0))));
        }

        if (d.GuestAgent)
        {
            devices.Add(new XElement(
                "channel",
                new XAttribute("type", "unix"),
                new XElement("target", new XAttribute("type", "virtio"), new XAttribute("name", "org.qemu.guest_agent.0"))));
        }

        if (d.Rng)
        {
            devices.Add(new XElement("rng", new XAttribute("model", "virtio"), new XElement("backend", new XAttribute("model", "random"), "/dev/urandom")));
        }

        devices.Add(d.Hostdevs.Select(a => Hostdev(a, xen)));
        if (!xen)
        {
            // Ballooning would let the host take back memory the benchmark's working set needs.
            devices.Add(new XElement("memballoon", new XAttribute("model", "none")));
        }

        return devices;
    }

    /// <summary>
    /// managed='yes': libvirt detaches the HCA from its host driver on start and reattaches it on destroy,
    /// so the host gets its device back without a manual nodedev-reattach.
    /// </summary>
    private static XElement Hostdev(PciAddress a, bool xen) => new(
        "hostdev",
        new XAttribute("mode", "subsystem"),
        new XAttribute("type", "pci"),
        new XAttribute("managed", "yes"),
        new XElement("driver", new XAttribute("name", xen ? "xen" : "vfio")),
        new XElement(
            "source",
            new XElement(
                "address",
                new XAttribute("domain", $"0x{a.Domain:x4}"),
                new XAttribute("bus", $"0x{a.Bus:x2}"),
                new XAttribute("slot", $"0x{a.Slot:x2}"),
                new XAttribute("function", $"0x{a.Function:x}"))));

    /// <summary>
    /// QEMU gives every TCG guest a 1 GiB translation cache by default, which dwarfs a small node's memory; 128 MiB
    /// keeps a lab of many small nodes within the host's memory at little cost in speed.
    /// </summary>
    private static XElement? TcgCache(DomainDefinition d) =>
        d.Flavour == DomainFlavour.Tcg
            ? new XElement("tcg", new XElement("tb-cache", new XAttribute("unit", "MiB"), TcgCacheMiB))
            : null;

    private const int TcgCacheMiB = 128;
}
