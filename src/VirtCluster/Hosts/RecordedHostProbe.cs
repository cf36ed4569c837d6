namespace VirtCluster.Hosts;

/// <summary>
/// Serves probe outputs recorded from real hosts (one file per command; see sim/facts/README.md), so a
/// simulated host's facts go through exactly the parsers a real host's do.
/// </summary>
public sealed class RecordedHostProbe(string folder) : IHostProbe
{
    public const string CmdlineFile = "cmdline";
    public const string IommuGroupsFile = "iommu_groups";
    public const string VirtHostValidateFile = "virt-host-validate.txt";
    public const string FwVerFile = "fw_ver";
    public const string IbvDevinfoFile = "ibv_devinfo.txt";
    public const string MstflintQueryFile = "mstflint-query.txt";
    public const string CpuinfoFlagsFile = "cpuinfo-flags";
    public const string LsmodFile = "lsmod-vfio";

    public string Folder { get; } = Directory.Exists(folder)
        ? folder
        : throw new DirectoryNotFoundException($"recorded host facts folder '{folder}' does not exist; check the host's recordedFacts setting");

    public async Task<ProbeOutputs> RunAsync(PciAddress? hca, CancellationToken cancellationToken) =>
        new(
            await ReadAsync(CmdlineFile, cancellationToken),
            await ReadAsync(IommuGroupsFile, cancellationToken),
            await ReadAsync(VirtHostValidateFile, cancellationToken),
            await ReadAsync(FwVerFile, cancellationToken),
            await ReadAsync(IbvDevinfoFile, cancellationToken),
            await ReadAsync(MstflintQueryFile, cancellationToken),
            await ReadAsync(CpuinfoFlagsFile, cancellationToken),
            await ReadAsync(LsmodFile, cancellationToken),
            hca?.ToString());

    private async Task<string?> ReadAsync(string name, CancellationToken ct)
    {
        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : null;
    }
}
