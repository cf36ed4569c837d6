using System.Text.RegularExpressions;

namespace VirtCluster.Hosts;

/// <summary>Parses the shell probe outputs that libvirt cannot give: IOMMU, CPU flags, loaded modules.</summary>
public static partial class ProbeOutputParser
{
    private static readonly string[] IommuSwitches = ["intel_iommu=on", "amd_iommu=on", "amd_iommu=pt"];

    /// <summary>The IOMMU switch on a /proc/cmdline, or null; a later <c>intel_iommu=off</c> wins, as in the kernel.</summary>
    public static string? IommuSwitch(string cmdline)
    {
        string? found = null;
        foreach (var token in cmdline.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (IommuSwitches.Contains(token, StringComparer.Ordinal))
            {
                found = token;
            }
            else if (token is "intel_iommu=off" or "amd_iommu=off")
            {
                found = null;
            }
        }

        return found;
    }

    /// <summary>Counts the groups in <c>ls /sys/kernel/iommu_groups</c> output (one number per entry).</summary>
    public static int IommuGroupCount(string listing) =>
        listing.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(e => e.All(char.IsAsciiDigit));

    /// <summary>Parses <c>virt-host-validate</c> output lines; lines that are not checks are ignored.</summary>
    public static IReadOnlyList<ValidateLine> ValidateLines(string output) =>
        [.. output.Split('\n')
            .Select(l => ValidateLineRegex().Match(l))
            .Where(m => m.Success)
            .Select(m => new ValidateLine(m.Groups[1].Value, m.Groups[2].Value.Trim(), m.Groups[3].Value, m.Groups[4].Success ? m.Groups[4].Value : null))];

    /// <summary>The CPU flags from <c>grep -m1 -w flags /proc/cpuinfo</c> (<c>flags : fpu vme ... vmx</c>).</summary>
    public static IReadOnlySet<string> CpuFlags(string text)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("flags", StringComparison.Ordinal)) ?? text;
        var colon = line.IndexOf(':');
        return line[(colon + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether <c>lsmod</c> output lists the vfio_pci module.</summary>
    public static bool HasVfioPci(string lsmod) =>
        lsmod.Split('\n').Any(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [var module, ..] && module == "vfio_pci");

    [GeneratedRegex(@"^\s*([A-Za-z]+):\s*(.+?)\s*:\s*(PASS|WARN|FAIL)(?:\s*\((.*)\))?\s*$")]
    private static partial Regex ValidateLineRegex();
}
