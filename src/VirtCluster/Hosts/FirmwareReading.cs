using VirtCluster.Config;

namespace VirtCluster.Hosts;

/// <summary>One HCA firmware version as one tool reported it; the tools disagree on zero padding, never on value.</summary>
/// <param name="Source">The command or file it came from (<c>sysfs</c>, <c>ibv_devinfo</c>, <c>mstflint</c>).</param>
/// <param name="Version">The version, compared numerically.</param>
/// <param name="Device">The verbs device name or PCI address the tool named.</param>
public sealed record FirmwareReading(string Source, string Device, FirmwareVersion Version);
