using VirtCluster.Engine.Providers;
using VirtCluster.LabHost;
using VirtCluster.Linux;
using VirtCluster.Resources;

namespace VirtCluster.Lab;

/// <summary>
/// The fabric the simulated hosts' cluster bridges are joined to, and the stack's admin key as a file for libvirt's
/// SSH transport (mode 0600, removed with the fabric). Any change replaces it.
/// </summary>
public sealed class FabricProvider(StackKeys keys) : IResourceProvider<FabricInputs, FabricOutputs>
{
    public string Type => ResourceTypes.Fabric;

    public DiffKind ChangeKind(string property) => DiffKind.Replace;

    public async Task<ProviderResult<FabricOutputs>> CreateAsync(ProviderRequest<FabricInputs, FabricOutputs> request, CancellationToken cancellationToken)
    {
        var inputs = request.Inputs;
        Posix.CreateDirectory(Path.GetDirectoryName(inputs.KeyFile)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        keys.Admin.WritePrivateKeyFile(inputs.KeyFile);
        await new SimulatedFabric(inputs.Namespace).StartAsync(cancellationToken);
        return new ProviderResult<FabricOutputs>(inputs.Namespace, new FabricOutputs(inputs.Namespace));
    }

    public Task<ProviderResult<FabricOutputs>?> ReadAsync(ProviderRequest<FabricInputs, FabricOutputs> request, CancellationToken cancellationToken) =>
        Task.FromResult(new SimulatedFabric(request.Inputs.Namespace).Exists && File.Exists(request.Inputs.KeyFile)
            ? new ProviderResult<FabricOutputs>(request.Inputs.Namespace, new FabricOutputs(request.Inputs.Namespace))
            : null);

    public Task<ProviderResult<FabricOutputs>> UpdateAsync(ProviderRequest<FabricInputs, FabricOutputs> request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("a fabric is replaced, never updated in place");

    public async Task DeleteAsync(ProviderRequest<FabricInputs, FabricOutputs> request, CancellationToken cancellationToken)
    {
        await new SimulatedFabric(request.Inputs.Namespace).StopAsync(cancellationToken);
        File.Delete(request.Inputs.KeyFile);
    }
}

/// <summary>
/// A simulated host (namespace, libvirtd, sshd, links): created running, with the stack's admin key (the tool) and
/// cluster key (mpirun between hosts, for the bare-metal runs) authorised for root; its host key becomes an output that every connection to it pins. Deleting it stops everything in it and
/// removes its state; a host whose libvirtd or sshd died is brought back when next read. Any change replaces it.
/// </summary>
public sealed class SimulatedHostProvider(StackKeys keys) : IResourceProvider<SimulatedHostInputs, SimulatedHostOutputs>
{
    public string Type => ResourceTypes.SimulatedHost;

    public DiffKind ChangeKind(string property) => DiffKind.Replace;

    public async Task<ProviderResult<SimulatedHostOutputs>> CreateAsync(ProviderRequest<SimulatedHostInputs, SimulatedHostOutputs> request, CancellationToken cancellationToken)
    {
        var host = new SimulatedHost(request.Inputs.Layout);
        var hostKey = await host.StartAsync([keys.Admin.PublicKeyLine, keys.Cluster.PublicKeyLine], request.Progress, cancellationToken);
        return Result(request.Inputs.Layout, hostKey);
    }

    public async Task<ProviderResult<SimulatedHostOutputs>?> ReadAsync(ProviderRequest<SimulatedHostInputs, SimulatedHostOutputs> request, CancellationToken cancellationToken)
    {
        var host = new SimulatedHost(request.Inputs.Layout);
        if (!host.IsRunning)
        {
            await host.ResumeAsync(request.Progress, cancellationToken);
        }

        return host.IsRunning && host.HostKey is { } key ? Result(request.Inputs.Layout, key) : null;
    }

    public Task<ProviderResult<SimulatedHostOutputs>> UpdateAsync(ProviderRequest<SimulatedHostInputs, SimulatedHostOutputs> request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("a simulated host is replaced, never updated in place");

    public async Task DeleteAsync(ProviderRequest<SimulatedHostInputs, SimulatedHostOutputs> request, CancellationToken cancellationToken)
    {
        await new SimulatedHost(request.Inputs.Layout).StopAsync(cancellationToken);
    }

    private static ProviderResult<SimulatedHostOutputs> Result(SimulatedHostLayout host, string hostKey) =>
        new(host.Name, new SimulatedHostOutputs(host.Name, host.Address, hostKey));
}
