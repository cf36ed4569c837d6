using System.Text.Json.Nodes;
using VirtCluster.Engine.Providers;

namespace VirtCluster.Resources.Libvirt;

/// <summary>
/// A persistent libvirt network, defined from XML and started. Inputs: <c>uri</c>, <c>name</c>, <c>xml</c>.
/// Any change replaces it: libvirt cannot change a running network's addressing in place.
/// </summary>
public sealed class NetworkProvider(LibvirtConnections connections) : IResourceProvider
{
    public string Type => ResourceTypes.Network;

    public IReadOnlyList<CheckFailure> Check(JsonObject inputs) => Inputs.RequireStrings(inputs, "uri", "name", "xml");

    public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs) =>
        Inputs.StartIfInactive(old, InputDiff.Compare(old.Inputs, newInputs, _ => DiffKind.Replace));

    public Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var conn = Inputs.Connection(connections, request.Inputs);
                var name = Inputs.String(request.Inputs, "name");

                // After a crash the network may already exist: adopt it rather than fail or duplicate.
                using var network = conn.TryLookupNetwork(name) ?? conn.DefineNetwork(Inputs.String(request.Inputs, "xml"));
                if (!network.IsActive())
                {
                    network.Create();
                }

                return Result(name);
            },
            cancellationToken);

    public Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var name = Inputs.String(request.Inputs, "name");
                using var network = Inputs.Connection(connections, request.Inputs).TryLookupNetwork(name);
                return network is null ? null : Result(name, network.IsActive());
            },
            cancellationToken);

    /// <summary>Only ever asked to start it again (see Diff): every change of inputs replaces it.</summary>
    public Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        CreateAsync(request, cancellationToken);

    public Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using var network = Inputs.Connection(connections, request.Inputs)
                    .TryLookupNetwork(Inputs.String(request.Inputs, "name"));
                if (network is null)
                {
                    return;
                }

                if (network.IsActive())
                {
                    network.Destroy();
                }

                network.Undefine();
            },
            cancellationToken);

    private static ProviderResult Result(string name, bool active = true) =>
        new(name, new JsonObject { ["name"] = name, ["active"] = active });
}
