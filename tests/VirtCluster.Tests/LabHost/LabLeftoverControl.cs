using System.Globalization;
using VirtCluster.LabHost;

namespace VirtCluster.Tests.LabHost;

/// <summary>
/// The positive control beside a "the lab left nothing" check: while the lab runs, the same leftover check lists
/// its namespace and its daemon (the pid in its pid file). A check that looked in the wrong place would find
/// nothing there either, and pass the negative check for the wrong reason.
/// </summary>
internal static class LabLeftoverControl
{
    public static async Task<LabLeftovers> AssertSeesTheRunningLabAsync(LabEnvironment lab)
    {
        var daemon = int.Parse(File.ReadAllText(lab.Paths.PidFile).Trim(), CultureInfo.InvariantCulture);

        var leftovers = await lab.FindLeftoversAsync(CancellationToken.None);

        Assert.Equal(lab.Name, leftovers.Namespace);
        Assert.Contains(new LabProcess(daemon, "libvirtd"), leftovers.Processes);
        return leftovers;
    }
}
