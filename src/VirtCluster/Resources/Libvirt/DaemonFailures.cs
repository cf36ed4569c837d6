using System.Text.Json.Nodes;
using VirtCluster.Engine.Providers;
using VirtCluster.Libvirt;

namespace VirtCluster.Resources.Libvirt;

/// <summary>
/// Wraps a libvirt-backed provider so that a lost or refused connection names the host and the daemon it was
/// talking to: libvirt itself only says "Cannot write data: Broken pipe". Every other error passes through unchanged.
/// </summary>
public sealed class DaemonFailures(IResourceProvider inner) : IResourceProvider
{
    public string Type => inner.Type;

    public IReadOnlyList<CheckFailure> Check(JsonObject inputs) => inner.Check(inputs);

    public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs) => inner.Diff(old, newInputs);

    public string? ConcurrencyKey(JsonObject inputs) => inner.ConcurrencyKey(inputs);

    public Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Named(request, () => inner.CreateAsync(request, cancellationToken));

    public Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Named(request, () => inner.ReadAsync(request, cancellationToken));

    public Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Named(request, () => inner.UpdateAsync(request, cancellationToken));

    public Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Named(request, async () =>
        {
            await inner.DeleteAsync(request, cancellationToken);
            return true;
        });

    private static async Task<T> Named<T>(ResourceRequest request, Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (LibvirtUnreachableException e)
        {
            throw new InvalidOperationException(
                $"{e.Message}; once the host is reachable again, run the same command again (what it could not change is kept in the state)", e);
        }
        catch (LibvirtConnectionException e) when (Inputs.OptionalString(request.Inputs, "uri") is { } uri)
        {
            var host = Inputs.OptionalString(request.Inputs, "host") is { } name ? name + ": " : "";
            throw new InvalidOperationException(
                $"{host}lost the connection to libvirt at {uri}: {e.Message}; once its libvirtd runs again, run the same command again (a lab's libvirtd is restarted by the next run)",
                e);
        }
    }
}
