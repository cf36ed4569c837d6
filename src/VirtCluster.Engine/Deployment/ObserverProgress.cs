using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Deployment;

/// <summary>
/// Forwards a provider's lines to the observer, tagged with the resource: detail lines to
/// <see cref="IDeploymentObserver.Progress"/>, status lines to <see cref="IDeploymentObserver.Status"/>.
/// </summary>
internal sealed class ObserverProgress : IProgress<string>
{
    private readonly Action<string> _report;

    private ObserverProgress(Action<string> report) => _report = report;

    public static ObserverProgress Detail(IDeploymentObserver? observer, Urn urn) => new(line => observer?.Progress(urn, line));

    public static ObserverProgress Status(IDeploymentObserver? observer, Urn urn) => new(line => observer?.Status(urn, line));

    public void Report(string value) => _report(value);
}
