using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;

namespace VirtCluster.Engine.Progress;

/// <summary>Sends each event to several observers (the display and the log).</summary>
public sealed class CompositeObserver(params IReadOnlyList<IDeploymentObserver> observers) : IDeploymentObserver
{
    public void Started(Urn urn, StepKind kind)
    {
        foreach (var o in observers)
        {
            o.Started(urn, kind);
        }
    }

    public void Progress(Urn urn, string message)
    {
        foreach (var o in observers)
        {
            o.Progress(urn, message);
        }
    }

    public void Status(Urn urn, string message)
    {
        foreach (var o in observers)
        {
            o.Status(urn, message);
        }
    }

    public void Finished(Urn urn, StepKind kind, Exception? error, TimeSpan elapsed)
    {
        foreach (var o in observers)
        {
            o.Finished(urn, kind, error, elapsed);
        }
    }
}
