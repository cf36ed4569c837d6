using System.Text.Json.Nodes;
using VirtCluster.Config;
using VirtCluster.Engine.Providers;
using VirtCluster.Resources;

namespace VirtCluster.Cluster;

/// <summary>
/// A host as the stack depends on it. Creating it changes nothing on the host: it records the facts the plan
/// was made from. Reading it re-reads the facts, so refresh reports drift such as a firmware or device change.
/// </summary>
public sealed class HostProvider(ClusterSpec spec, HostFactsSource facts) : IResourceProvider
{
    public string Type => ResourceTypes.Host;

    public IReadOnlyList<CheckFailure> Check(JsonObject inputs) =>
        inputs["name"] is null ? [new CheckFailure("name", "required")] : [];

    public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs) =>
        InputDiff.Compare(old.Inputs, newInputs, p => p == "name" ? DiffKind.Replace : DiffKind.Update);

    public Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Recorded(request.Inputs));

    public Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Recorded(request.Inputs));

    public async Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var name = request.Inputs["name"]!.GetValue<string>();
        var host = spec.Hosts.FirstOrDefault(h => h.Name == name);
        if (host is null)
        {
            return null;
        }

        var now = await facts.ReadAsync(spec, host, cancellationToken);
        return new ProviderResult(name, HostSummary.Of(now, host.Uri));
    }

    public Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    private static ProviderResult Recorded(JsonObject inputs) =>
        new(inputs["name"]!.GetValue<string>(), (JsonObject)inputs.DeepClone());
}
