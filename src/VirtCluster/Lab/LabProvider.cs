using VirtCluster.Engine.Providers;
using VirtCluster.LabHost;
using VirtCluster.Resources;
using VirtCluster.Resources.Libvirt;

namespace VirtCluster.Lab;

/// <summary>
/// The lab: a network namespace with the tool's own libvirtd in it. Deleting it stops the daemon, removes the
/// namespace and the daemon's state and logs (the QEMU capabilities cache stays, since re-probing costs seconds on
/// every start). Any change replaces it.
/// </summary>
public sealed class LabProvider(LibvirtConnections connections) : IResourceProvider<LabInputs, LabOutputs>
{
    public string Type => ResourceTypes.Lab;

    public DiffKind ChangeKind(string property) => DiffKind.Replace;

    public async Task<ProviderResult<LabOutputs>> CreateAsync(ProviderRequest<LabInputs, LabOutputs> request, CancellationToken cancellationToken)
    {
        var lab = Environment(request.Inputs);
        await lab.StartAsync(request.Progress, cancellationToken);
        return Result(lab);
    }

    public Task<ProviderResult<LabOutputs>?> ReadAsync(ProviderRequest<LabInputs, LabOutputs> request, CancellationToken cancellationToken)
    {
        var lab = Environment(request.Inputs);
        // A lab whose daemon died still exists: the next connection to it restarts the daemon on its state.
        return Task.FromResult(lab.IsRunning || lab.IsResumable ? Result(lab) : null);
    }

    public Task<ProviderResult<LabOutputs>> UpdateAsync(ProviderRequest<LabInputs, LabOutputs> request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("a lab is replaced, never updated in place");

    public async Task DeleteAsync(ProviderRequest<LabInputs, LabOutputs> request, CancellationToken cancellationToken)
    {
        var lab = Environment(request.Inputs);
        connections.Forget(lab.ConnectionUri);
        await lab.StopAsync(cancellationToken);
    }

    public static LabEnvironment Environment(LabInputs inputs) => new(inputs.Namespace, inputs.StateDirectory);

    private static ProviderResult<LabOutputs> Result(LabEnvironment lab) => new(lab.Name, new LabOutputs(lab.ConnectionUri, lab.Name));
}
