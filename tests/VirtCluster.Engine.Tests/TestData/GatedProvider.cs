using System.Text.Json.Nodes;
using VirtCluster.Engine.Providers;

namespace VirtCluster.Engine.Tests.TestData;

/// <summary>
/// Holds one kind of operation (<c>create</c>, <c>update</c>, <c>delete</c>) until <see cref="Open"/>, ignoring
/// cancellation the way a provider stuck in a blocking call would; everything else goes straight through.
/// </summary>
internal sealed class GatedProvider(IResourceProvider inner, string operation) : IResourceProvider
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Type => inner.Type;

    /// <summary>Completes when the held call has finished its work, after <see cref="Open"/>.</summary>
    public Task Finished => _finished.Task;

    public void Open() => _gate.TrySetResult();

    public IReadOnlyList<CheckFailure> Check(JsonObject inputs) => inner.Check(inputs);

    public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs) => inner.Diff(old, newInputs);

    public Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Held("create", () => inner.CreateAsync(request, CancellationToken.None), () => inner.CreateAsync(request, cancellationToken));

    public Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) => inner.ReadAsync(request, cancellationToken);

    public Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Held("update", () => inner.UpdateAsync(request, CancellationToken.None), () => inner.UpdateAsync(request, cancellationToken));

    public Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Held("delete", async () =>
        {
            await inner.DeleteAsync(request, CancellationToken.None);
            return true;
        }, async () =>
        {
            await inner.DeleteAsync(request, cancellationToken);
            return true;
        });

    private async Task<T> Held<T>(string kind, Func<Task<T>> afterGate, Func<Task<T>> direct)
    {
        if (kind != operation)
        {
            return await direct();
        }

        await _gate.Task;
        try
        {
            return await afterGate();
        }
        finally
        {
            _finished.TrySetResult();
        }
    }
}
