using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Deployment;

/// <summary>Forwards a provider's progress lines to the observer, tagged with the resource.</summary>
internal sealed class ObserverProgress(IDeploymentObserver? observer, Urn urn) : IProgress<string>
{
    public void Report(string value) => observer?.Progress(urn, value);
}
