using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;

namespace VirtCluster.Engine.Deployment;

/// <summary>
/// Hears about each resource operation as it happens, for progress displays and logs. Called from several
/// threads at once; implementations must be thread-safe and quick.
/// </summary>
public interface IDeploymentObserver
{
    void Started(Urn urn, StepKind kind);

    /// <summary>A provider's line of detail for a long operation (see <see cref="Providers.ResourceRequest.Progress"/>).</summary>
    void Progress(Urn urn, string message);

    /// <summary>A provider's line on where a long operation stands (see <see cref="Providers.ResourceRequest.Status"/>).</summary>
    void Status(Urn urn, string message);

    /// <param name="urn">The resource.</param>
    /// <param name="kind">What was done (for an apply-time re-diff, the actual kind).</param>
    /// <param name="error">Null on success.</param>
    /// <param name="elapsed">How long it took.</param>
    void Finished(Urn urn, StepKind kind, Exception? error, TimeSpan elapsed);
}
