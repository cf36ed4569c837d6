using VirtCluster.Config;

namespace VirtCluster.Hosts;

/// <summary>
/// Reads HCA firmware versions from the three places a host shows them. Software verbs devices (Soft-RoCE
/// <c>rxe0</c>, <c>siw0</c>) report 0.0.0: they have no firmware and are skipped so they never stand in for the HCA.
/// </summary>
public static class FirmwareOutputParser
{
    /// <summary>
    /// Reads <c>grep -H . /sys/class/infiniband/*/fw_ver</c> lines (<c>/sys/class/infiniband/mlx4_0/fw_ver:2.7.80</c>);
    /// a bare <c>cat</c> of one fw_ver file (<c>2.7.80</c>) is accepted too.
    /// </summary>
    public static IReadOnlyList<FirmwareReading> ParseSysfs(string text)
    {
        var readings = new List<FirmwareReading>();
        foreach (var line in Lines(text))
        {
            var colon = line.LastIndexOf(':');
            var device = colon < 0 ? "infiniband" : DeviceFromSysfsPath(line[..colon]);
            AddIfFirmware(readings, "sysfs", device, colon < 0 ? line : line[(colon + 1)..]);
        }

        return readings;
    }

    /// <summary>Reads <c>ibv_devinfo</c>: per <c>hca_id:</c> block, its <c>fw_ver:</c> line.</summary>
    public static IReadOnlyList<FirmwareReading> ParseIbvDevinfo(string text)
    {
        var readings = new List<FirmwareReading>();
        string? device = null;
        foreach (var line in Lines(text))
        {
            if (Field(line, "hca_id") is { } id)
            {
                device = id;
            }
            else if (Field(line, "fw_ver") is { } fw && device is not null)
            {
                AddIfFirmware(readings, "ibv_devinfo", device, fw);
            }
        }

        return readings;
    }

    /// <summary>Reads <c>mstflint -d BDF query</c>: its <c>FW Version:</c> line (zero padded, e.g. 2.7.080).</summary>
    public static IReadOnlyList<FirmwareReading> ParseMstflintQuery(string text, string device)
    {
        var readings = new List<FirmwareReading>();
        foreach (var line in Lines(text))
        {
            if (Field(line, "FW Version") is { } fw)
            {
                AddIfFirmware(readings, "mstflint", device, fw);
            }
        }

        return readings;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static string? Field(string line, string key) =>
        line.StartsWith(key, StringComparison.Ordinal) && line.AsSpan(key.Length).TrimStart().StartsWith(":")
            ? line[(line.IndexOf(':', key.Length) + 1)..].Trim()
            : null;

    private static string DeviceFromSysfsPath(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 ? parts[^2] : path;
    }

    private static void AddIfFirmware(List<FirmwareReading> readings, string source, string device, string text)
    {
        if (FirmwareVersion.TryParse(text, out var version) && version.Components.Any(c => c != 0))
        {
            readings.Add(new FirmwareReading(source, device, version));
        }
    }
}
