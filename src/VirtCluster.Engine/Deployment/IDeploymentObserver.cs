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

    /// <summary>A provider's progress line for a long operation.</summary>
    void Progress(Urn urn, string message);

    /// <param name="urn">The resource.</param>
    /// <param name="kind">What was done (for an apply-time re-diff, the actual kind).</param>
    /// <param name="error">Null on success.</param>
    /// <param name="elapsed">How long it took.</param>
    void Finished(Urn urn, StepKind kind, Exception? error, TimeSpan elapsed);
}
