using VirtCluster.Config;
using VirtCluster.Engine.Providers;
using VirtCluster.Resources;

namespace VirtCluster.Cluster;

/// <summary>
/// A host as the stack depends on it. Creating it changes nothing on the host: it records the facts the plan
/// was made from. Reading it re-reads the facts, so refresh reports drift such as a firmware or device change.
/// </summary>
public sealed class HostProvider(ClusterSpec spec, HostFactsSource facts) : IResourceProvider<HostSummary, HostSummary>
{
    public string Type => ResourceTypes.Host;

    public DiffKind ChangeKind(string property) => property == "name" ? DiffKind.Replace : DiffKind.Update;

    public Task<ProviderResult<HostSummary>> CreateAsync(ProviderRequest<HostSummary, HostSummary> request, CancellationToken cancellationToken) =>
        Task.FromResult(Recorded(request.Inputs));

    public Task<ProviderResult<HostSummary>> UpdateAsync(ProviderRequest<HostSummary, HostSummary> request, CancellationToken cancellationToken) =>
        Task.FromResult(Recorded(request.Inputs));

    public async Task<ProviderResult<HostSummary>?> ReadAsync(ProviderRequest<HostSummary, HostSummary> request, CancellationToken cancellationToken)
    {
        var name = request.Inputs.Name;
        var host = spec.Hosts.FirstOrDefault(h => h.Name == name);
        if (host is null)
        {
            return null;
        }

        var now = await facts.ReadAsync(spec, host, cancellationToken);
        return new ProviderResult<HostSummary>(name, HostSummary.Of(now, host.Uri));
    }

    public Task DeleteAsync(ProviderRequest<HostSummary, HostSummary> request, CancellationToken cancellationToken) => Task.CompletedTask;

    private static ProviderResult<HostSummary> Recorded(HostSummary inputs) => new(inputs.Name, inputs);
}
