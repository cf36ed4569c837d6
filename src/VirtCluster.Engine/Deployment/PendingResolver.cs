using VirtCluster.Engine.Config;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Deployment;

/// <summary>
/// Settles operations a crashed run started but never recorded as finished: the provider's Read says whether
/// the object exists; what exists is adopted, what does not is forgotten. Nothing orphaned, nothing twice.
/// </summary>
internal static class PendingResolver
{
    public static async Task ResolveAsync(ProviderRegistry providers, StateRecorder recorder, CancellationToken cancellationToken)
    {
        foreach (var pending in recorder.State.Pending.Values.OrderBy(p => p.Resource.Urn).ToList())
        {
            var resource = pending.Resource;
            if (!providers.TryGet(resource.Type, out var provider))
            {
                throw new ConfigException(
                    $"an interrupted {pending.Kind.ToString().ToLowerInvariant()} of '{resource.Urn}' must be resolved, but no provider serves type '{resource.Type}'");
            }

            var request = new ResourceRequest(
                resource.Urn,
                resource.Id ?? pending.Previous?.Id,
                SecretValue.RevealObject(resource.Inputs),
                null,
                SecretValue.RevealObject(resource.Outputs));
            var found = await provider.ReadAsync(request, cancellationToken);
            if (found is null)
            {
                recorder.Record(pending.Kind == OperationKind.Create ? new PendingCleared(resource.Urn) : new ResourceRemoved(resource.Urn));
                continue;
            }

            // An interrupted update may or may not have applied: without the provider's word on the inputs, keep
            // the old ones so the next diff applies the update again.
            var basis = pending.Kind == OperationKind.Update && found.Inputs is null ? pending.Previous ?? resource : resource;
            var inputs = found.Inputs is { } actual ? SecretMarking.Carry(resource.Inputs, actual) : basis.Inputs;
            recorder.Record(new ResourceCommitted(basis with
            {
                Id = found.Id,
                Inputs = inputs,
                Outputs = SecretMarking.Carry(inputs, found.Outputs),
            }));
        }
    }
}
