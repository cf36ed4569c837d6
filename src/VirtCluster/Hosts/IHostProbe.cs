namespace VirtCluster.Hosts;

/// <summary>Collects the shell-side host facts; a recorded implementation serves simulated hosts, a shell one real hosts.</summary>
public interface IHostProbe
{
    /// <param name="hca">The HCA's address from libvirt, so mstflint can be pointed at it; null when no HCA was found.</param>
    /// <param name="cancellationToken">Stops the probe.</param>
    Task<ProbeOutputs> RunAsync(PciAddress? hca, CancellationToken cancellationToken);
}
