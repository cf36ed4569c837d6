using System.Collections.Concurrent;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;

namespace VirtCluster.Engine.Tests.TestData;

/// <summary>Remembers every event, to assert on order and content.</summary>
internal sealed class RecordingObserver : IDeploymentObserver
{
    public ConcurrentQueue<string> Events { get; } = new();

    public void Started(Urn urn, StepKind kind) => Events.Enqueue($"start {kind} {urn.Name}");

    public void Progress(Urn urn, string message) => Events.Enqueue($"progress {urn.Name} {message}");

    public void Status(Urn urn, string message) => Events.Enqueue($"status {urn.Name} {message}");

    public void Finished(Urn urn, StepKind kind, Exception? error, TimeSpan elapsed) =>
        Events.Enqueue(error is null ? $"done {kind} {urn.Name}" : $"failed {kind} {urn.Name}: {error.Message}");
}
