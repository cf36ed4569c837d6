namespace VirtCluster.Hosts;

/// <summary>
/// The libvirt XML a host's facts are read from, as text: fetched live through a connection or loaded
/// from a recording, then parsed by the same code either way.
/// </summary>
/// <param name="CapabilitiesXml">virConnectGetCapabilities.</param>
/// <param name="DomainCapabilitiesXml">virConnectGetDomainCapabilities for kvm/q35; null when libvirt refuses (no kvm).</param>
/// <param name="NodeDeviceXmls">virNodeDeviceGetXMLDesc of every node device.</param>
public sealed record LibvirtDocuments(string CapabilitiesXml, string? DomainCapabilitiesXml, IReadOnlyList<string> NodeDeviceXmls)
{
    public const string CapabilitiesFile = "capabilities.xml";
    public const string DomainCapabilitiesFile = "domcapabilities.xml";
    public const string NodeDevicePattern = "nodedev-*.xml";

    /// <summary>Loads <c>capabilities.xml</c>, <c>domcapabilities.xml</c> and <c>nodedev-*.xml</c> recorded from a host.</summary>
    public static LibvirtDocuments FromRecording(string folder)
    {
        var caps = Path.Combine(folder, CapabilitiesFile);
        if (!File.Exists(caps))
        {
            throw new FileNotFoundException($"recorded host facts in '{folder}' lack {CapabilitiesFile} (virsh capabilities)", caps);
        }

        var domcaps = Path.Combine(folder, DomainCapabilitiesFile);
        return new LibvirtDocuments(
            File.ReadAllText(caps),
            File.Exists(domcaps) ? File.ReadAllText(domcaps) : null,
            [.. Directory.GetFiles(folder, NodeDevicePattern).Order(StringComparer.Ordinal).Select(File.ReadAllText)]);
    }

    /// <summary>Parses the node devices, keeping the PCI ones.</summary>
    public IReadOnlyList<NodeDevice> PciDevices() =>
        [.. NodeDeviceXmls.Select(NodeDeviceParser.ParsePci).OfType<NodeDevice>()];
}
