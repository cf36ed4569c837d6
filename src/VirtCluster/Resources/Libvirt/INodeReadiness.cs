using System.Text.Json.Nodes;

namespace VirtCluster.Resources.Libvirt;

/// <summary>
/// What "the node is up" means beyond libvirt saying the domain runs: for real guests, answering over SSH with a
/// pinned host key. Returns outputs to record (e.g. the host key), which must be the same when read again.
/// </summary>
public interface INodeReadiness
{
    /// <summary>The outputs <see cref="WaitUntilReadyAsync"/> returns; a node recorded without them was never seen ready.</summary>
    IReadOnlyCollection<string> OutputNames { get; }

    Task<JsonObject> WaitUntilReadyAsync(JsonObject nodeInputs, IProgress<string>? progress, CancellationToken cancellationToken);
}
