using VirtCluster.Engine.Providers;
using VirtCluster.Libvirt;

namespace VirtCluster.Resources.Libvirt;

/// <summary>
/// A persistent storage pool (a directory pool for images and overlays). Storage operations on one host are
/// serialised: libvirt pool refreshes race with volume creation.
/// </summary>
public sealed class PoolProvider(LibvirtConnections connections) : IResourceProvider<LibvirtObjectInputs, ActiveObjectOutputs>
{
    private static readonly LibvirtObjectLifecycle<LibvirtStoragePool> Lifecycle = new(
        (conn, name) => conn.TryLookupStoragePool(name),
        DefineAndBuild,
        pool => pool.IsActive(),
        pool => pool.Create(),
        pool => pool.Destroy(),
        pool => pool.Undefine());

    public string Type => ResourceTypes.Pool;

    public DiffKind ChangeKind(string property) => DiffKind.Replace;

    public DiffResult Diff(DiffRequest<LibvirtObjectInputs, ActiveObjectOutputs> request) => Inputs.StartIfInactive(request);

    public string? ConcurrencyKey(LibvirtObjectInputs inputs) => Inputs.StorageKey(inputs);

    public Task<ProviderResult<ActiveObjectOutputs>> CreateAsync(ProviderRequest<LibvirtObjectInputs, ActiveObjectOutputs> request, CancellationToken cancellationToken) =>
        Task.Run(() => Lifecycle.Ensure(Connection(request), request.Inputs.Name, request.Inputs.Xml, Result), cancellationToken);

    public Task<ProviderResult<ActiveObjectOutputs>?> ReadAsync(ProviderRequest<LibvirtObjectInputs, ActiveObjectOutputs> request, CancellationToken cancellationToken) =>
        Task.Run(() => Lifecycle.Read(Connection(request), request.Inputs.Name, Result), cancellationToken);

    /// <summary>Only ever asked to start it again (see Diff): every change of inputs replaces it.</summary>
    public Task<ProviderResult<ActiveObjectOutputs>> UpdateAsync(ProviderRequest<LibvirtObjectInputs, ActiveObjectOutputs> request, CancellationToken cancellationToken) =>
        CreateAsync(request, cancellationToken);

    public Task DeleteAsync(ProviderRequest<LibvirtObjectInputs, ActiveObjectOutputs> request, CancellationToken cancellationToken) =>
        Task.Run(() => Lifecycle.Remove(Connection(request), request.Inputs.Name), cancellationToken);

    private LibvirtConnection Connection(ProviderRequest<LibvirtObjectInputs, ActiveObjectOutputs> request) =>
        Inputs.Connection(connections, request.Inputs);

    private static ProviderResult<ActiveObjectOutputs> Result(LibvirtStoragePool pool) =>
        new(pool.Name, new ActiveObjectOutputs(pool.Name, pool.IsActive()));

    private static LibvirtStoragePool DefineAndBuild(LibvirtConnection conn, string xml)
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
