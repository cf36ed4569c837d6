using VirtCluster.Linux;

namespace VirtCluster.LabHost;

/// <summary>
/// The layer-2 segment that joins the simulated hosts' cluster bridges, as a switch joins real hosts: a network
/// namespace holding one bridge, into which each host plugs its cluster link. Nothing in it has an address.
/// </summary>
public sealed class SimulatedFabric(string name)
{
    /// <summary>The fabric's bridge, inside its namespace.</summary>
    public const string Bridge = "fabric";

    public string Name { get; } = name;

    public bool Exists => NetworkNamespace.Exists(Name);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await NetworkNamespace.EnsureAsync(Name, cancellationToken).ConfigureAwait(false);
        if (!(await NetworkNamespace.LinksAsync(Name, cancellationToken).ConfigureAwait(false)).Contains(Bridge))
        {
            await HostCommand.RunCheckedAsync("ip", ["-n", Name, "link", "add", Bridge, "type", "bridge"], null, cancellationToken).ConfigureAwait(false);
        }

        await HostCommand.RunCheckedAsync("ip", ["-n", Name, "link", "set", Bridge, "up"], null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the namespace, and with it the bridge and the fabric ends of the hosts' cluster links.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => NetworkNamespace.DeleteAsync(Name, cancellationToken);
}
