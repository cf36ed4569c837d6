using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Deployment;

/// <summary>
/// Reads every recorded resource through its provider and compares it with the record. Recording the actual
/// inputs (not only outputs) matters: the next <c>up</c> then sees the drift as a change and repairs it.
/// </summary>
internal static class Refresher
{
    public static async Task<(IReadOnlyList<Drift> Drifts, int Unchanged)> RefreshAsync(
        ProviderRegistry providers, StateRecorder recorder, int parallelism, CancellationToken cancellationToken)
    {
        var resources = recorder.State.InDependencyOrder().Where(r => !r.IsComponent).ToList();
        var drifts = new Drift?[resources.Count];
        var nodes = resources.Select((resource, i) => new DagNode([], () => null, async ct =>
        {
            drifts[i] = await ReadOneAsync(providers.Get(resource.Type), resource, recorder, ct);
        })).ToList();
        var (status, errors) = await DagRunner.RunAsync(nodes, parallelism, continueOnError: false, cancellationToken);
        for (var i = 0; i < status.Length; i++)
        {
            if (status[i] == NodeStatus.Failed)
            {
                throw new ResourceOperationException(resources[i].Urn, Planning.StepKind.Same, errors[i]!);
            }
        }

        var found = drifts.OfType<Drift>().ToList();
        return (found, resources.Count - found.Count);
    }

    private static async Task<Drift?> ReadOneAsync(IResourceProvider provider, ResourceState resource, StateRecorder recorder, CancellationToken ct)
    {
        var request = new ResourceRequest(resource.Urn, resource.Id, SecretValue.RevealObject(resource.Inputs), null, SecretValue.RevealObject(resource.Outputs));
        var actual = await provider.ReadAsync(request, ct);
        if (actual is null)
        {
            recorder.Record(new ResourceRemoved(resource.Urn));
            return new Drift(resource.Urn, DriftKind.Deleted, []);
        }

        var inputs = actual.Inputs is { } read ? SecretMarking.Carry(resource.Inputs, read) : resource.Inputs;
        var outputs = SecretMarking.Carry(inputs, actual.Outputs);
        var diffs = Compare("", resource.Inputs, inputs).Concat(Compare("outputs.", resource.Outputs, outputs)).ToList();
        if (diffs.Count == 0 && actual.Id == resource.Id)
        {
            return null;
        }

        recorder.Record(new ResourceCommitted(resource with { Id = actual.Id, Inputs = inputs, Outputs = outputs }));
        return new Drift(resource.Urn, DriftKind.Changed, diffs);
    }

    private static IEnumerable<PropertyDiff> Compare(string prefix, JsonObject old, JsonObject now) =>
        InputDiff.Compare(SecretValue.RevealObject(old), SecretValue.RevealObject(now), _ => DiffKind.Update).Properties
            .Select(d => SecretValue.ContainsSecret(old[d.Path]) || SecretValue.ContainsSecret(now[d.Path])
                ? d with { Path = prefix + d.Path, Old = SecretValue.Masked, New = SecretValue.Masked }
                : d with { Path = prefix + d.Path });
}
