using VirtCluster.Engine.Providers;
using VirtCluster.Libvirt;

namespace VirtCluster.Resources.Libvirt;

/// <summary>
/// A persistent libvirt network, defined from XML and started. Any change replaces it: libvirt cannot change a
/// running network's addressing in place.
/// </summary>
public sealed class NetworkProvider(LibvirtConnections connections) : IResourceProvider<LibvirtObjectInputs, ActiveObjectOutputs>
{
    private static readonly LibvirtObjectLifecycle<LibvirtNetwork> Lifecycle = new(
        (conn, name) => conn.TryLookupNetwork(name),
        (conn, xml) => conn.DefineNetwork(xml),
        network => network.IsActive(),
        network => network.Create(),
        network => network.Destroy(),
        network => network.Undefine());

    public string Type => ResourceTypes.Network;

    public DiffKind ChangeKind(string property) => DiffKind.Replace;

    public DiffResult Diff(DiffRequest<LibvirtObjectInputs, ActiveObjectOutputs> request) => Inputs.StartIfInactive(request);

    /// <summary>After a crash the network may already exist: it is adopted rather than defined twice.</summary>
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

    private static ProviderResult<ActiveObjectOutputs> Result(LibvirtNetwork network) =>
        new(network.Name, new ActiveObjectOutputs(network.Name, network.IsActive()));
}
