using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Hosts;

/// <summary>
/// sim/facts/README.md lists every file in which the edited folders differ from the recording they were copied
/// from; an edit it does not list fails here, so the README keeps saying what is recorded and what is not.
/// </summary>
public sealed class EditedFactsTests
{
    [Theory]
    [InlineData(HostSamples.OldFirmware, new[] { "fw_ver", "ibv_devinfo.txt", "mstflint-query.txt" })]
    [InlineData(HostSamples.IommuOff, new[]
    {
        "capabilities.xml", "cmdline", "domcapabilities.xml", "iommu_groups",
        "nodedev-pci_0000_00_07_0.xml", "nodedev-pci_0000_05_00_0.xml", "virt-host-validate.txt",
    })]
    public void AnEditedFolderDiffersFromTheRecordingOnlyInTheFilesTheReadmeLists(string edited, string[] files)
    {
        var recorded = FileNames(HostSamples.Updated);

        Assert.Equal(recorded, FileNames(edited));
        Assert.Equal(files, recorded.Where(file => HostSamples.Read(HostSamples.Updated, file) != HostSamples.Read(edited, file)));
    }

    private static List<string> FileNames(string folder) =>
        [.. Directory.GetFiles(HostSamples.Folder(folder)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
}
