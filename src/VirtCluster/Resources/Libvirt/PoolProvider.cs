using System.Text.Json.Nodes;
using VirtCluster.Engine.Providers;

namespace VirtCluster.Resources.Libvirt;

/// <summary>
/// A persistent storage pool (a directory pool for images and overlays). Inputs: <c>uri</c>, <c>name</c>,
/// <c>xml</c>. Storage operations on one host are serialised: libvirt pool refreshes race with volume creation.
/// </summary>
public sealed class PoolProvider(LibvirtConnections connections) : IResourceProvider
{
    public string Type => ResourceTypes.Pool;

    public IReadOnlyList<CheckFailure> Check(JsonObject inputs) => Inputs.RequireStrings(inputs, "uri", "name", "xml");

    public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs) =>
        Inputs.StartIfInactive(old, InputDiff.Compare(old.Inputs, newInputs, _ => DiffKind.Replace));

    public string? ConcurrencyKey(JsonObject inputs) => Inputs.StorageKey(inputs);

    public Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var conn = Inputs.Connection(connections, request.Inputs);
                var name = Inputs.String(request.Inputs, "name");
                using var pool = conn.TryLookupStoragePool(name) ?? DefineAndBuild(conn, Inputs.String(request.Inputs, "xml"));
                if (!pool.IsActive())
                {
                    pool.Create();
                }

                return new ProviderResult(name, new JsonObject { ["name"] = name, ["active"] = true });
            },
            cancellationToken);

    public Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var name = Inputs.String(request.Inputs, "name");
                using var pool = Inputs.Connection(connections, request.Inputs).TryLookupStoragePool(name);
                return pool is null
                    ? null
                    : new ProviderResult(name, new JsonObject { ["name"] = name, ["active"] = pool.IsActive() });
            },
            cancellationToken);

    /// <summary>Only ever asked to start it again (see Diff): every change of inputs replaces it.</summary>
    public Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        CreateAsync(request, cancellationToken);

    public Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using var pool = Inputs.Connection(connections, request.Inputs)
                    .TryLookupStoragePool(Inputs.String(request.Inputs, "name"));
                if (pool is null)
                {
                    return;
                }

                if (pool.IsActive())
                {
                    pool.Destroy();
                }

                pool.Undefine();
            },
            cancellationToken);

    private static VirtCluster.Libvirt.LibvirtStoragePool DefineAndBuild(VirtCluster.Libvirt.LibvirtConnection conn, string xml)
    {
        var pool = conn.DefineStoragePool(xml);
        try
        {
            pool.Build();
            return pool;
        }
        catch
        {
            // Nothing half-created: a pool whose directory could not be made is removed again.
            pool.Undefine();
            pool.Dispose();
            throw;
        }
    }
}
