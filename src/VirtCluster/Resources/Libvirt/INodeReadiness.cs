namespace VirtCluster.Resources.Libvirt;

/// <summary>
/// What "the node is up" means beyond libvirt saying the domain runs: for real guests, answering over SSH with a
/// pinned host key. What it returns is recorded in the node's outputs, and must be the same when read again.
/// </summary>
public interface INodeReadiness
{
    Task<NodeReadiness> WaitUntilReadyAsync(NodeInputs node, IProgress<string>? progress, CancellationToken cancellationToken);
}

/// <summary>What a node showed once ready; a node recorded without it was never seen ready.</summary>
/// <param name="HostKey">The SSH host key the guest printed at boot, pinned from then on.</param>
public sealed record NodeReadiness(string HostKey);
