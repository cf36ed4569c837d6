using VirtCluster.Config;
using VirtCluster.Libvirt;

namespace VirtCluster.Hosts;

/// <summary>
/// Reads a host's facts through its libvirt connection and its shell probe. Node devices always come from the
/// connection. Capabilities and domain capabilities come from the connection too, except for simulated hosts:
/// libvirt's test driver reports synthetic capabilities (i686, no NUMA cells for a host file) and no domain
/// capabilities, so those two documents come from the host's recording, checked against the driver's CPU count.
/// </summary>
public static class LibvirtFactsReader
{
    public static async Task<HostFacts> ReadAsync(
        string hostName,
        LibvirtConnection connection,
        IHostProbe probe,
        HcaSpec hca,
        string? recordedFolder,
        CancellationToken cancellationToken)
    {
        var documents = Documents(hostName, connection, recordedFolder);
        var device = HostFactsBuilder.FindHca(documents.PciDevices(), hca);
        var outputs = await probe.RunAsync(device?.Address, cancellationToken);
        return HostFactsBuilder.Build(hostName, documents, outputs, hca);
    }

    /// <summary>The libvirt documents for a host: live, or capabilities from <paramref name="recordedFolder"/> when given.</summary>
    public static LibvirtDocuments Documents(string hostName, LibvirtConnection connection, string? recordedFolder)
    {
        var nodeDevices = NodeDeviceXmls(connection);
        if (recordedFolder is null)
        {
            return new LibvirtDocuments(connection.Capabilities(), KvmDomainCapabilities(connection), nodeDevices);
        }

        var recorded = LibvirtDocuments.FromRecording(recordedFolder);
        var recordedCpus = CapabilitiesParser.Parse(recorded.CapabilitiesXml).CpusInTopologyOrder.Count;
        var driverCpus = connection.NodeInfo().Cpus;
        if (recordedCpus != driverCpus)
        {
            throw new InvalidOperationException(
                $"{hostName}: the recorded {LibvirtDocuments.CapabilitiesFile} in '{recordedFolder}' has {recordedCpus} CPUs but {connection.Uri} has {driverCpus}; record both from the same host");
        }

        return recorded with { NodeDeviceXmls = nodeDevices };
    }

    private static List<string> NodeDeviceXmls(LibvirtConnection connection)
    {
        var devices = connection.ListAllNodeDevices();
        try
        {
            return [.. devices.Select(d => d.XmlDesc())];
        }
        finally
        {
            foreach (var device in devices)
            {
                device.Dispose();
            }
        }
    }

    /// <summary>libvirt refuses domain capabilities for a virt type the host cannot run: that refusal means "no kvm".</summary>
    private static string? KvmDomainCapabilities(LibvirtConnection connection)
    {
        try
        {
            return connection.DomainCapabilities(machine: "q35", virtType: "kvm");
        }
        catch (Exception e) when (e is LibvirtUnsupportedException or LibvirtInvalidArgumentException)
        {
            return null;
        }
    }
}
