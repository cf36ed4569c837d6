using System.Text.Json.Nodes;
using VirtCluster.Engine.Providers;
using VirtCluster.LabHost;
using VirtCluster.Resources;
using VirtCluster.Resources.Libvirt;

namespace VirtCluster.Lab;

/// <summary>
/// The lab: a network namespace with the tool's own libvirtd in it. Inputs: <c>namespace</c>,
/// <c>stateDirectory</c>. Deleting it stops the daemon, removes the namespace and the daemon's state and logs
/// (the QEMU capabilities cache stays, since re-probing costs seconds on every start).
/// </summary>
public sealed class LabProvider(LibvirtConnections connections) : IResourceProvider
{
    public string Type => ResourceTypes.Lab;

    public IReadOnlyList<CheckFailure> Check(JsonObject inputs) => Inputs.RequireStrings(inputs, "namespace", "stateDirectory");

    public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs) =>
        InputDiff.Compare(old.Inputs, newInputs, _ => DiffKind.Replace);

    public async Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var lab = Environment(request.Inputs);
        await lab.StartAsync(request.Progress, cancellationToken);
        return Result(lab);
    }

    public Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var lab = Environment(request.Inputs);
        // A lab whose daemon died still exists: the next connection to it restarts the daemon on its state.
        return Task.FromResult(lab.IsRunning || lab.IsResumable ? Result(lab) : null);
    }

    public Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("a lab is replaced, never updated in place");

    public async Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var lab = Environment(request.Inputs);
        connections.Forget(lab.ConnectionUri);
        await lab.StopAsync(cancellationToken);
    }

    public static LabEnvironment Environment(JsonObject inputs) =>
        new(Inputs.String(inputs, "namespace"), Inputs.String(inputs, "stateDirectory"));

    private static ProviderResult Result(LabEnvironment lab) =>
        new(lab.Name, new JsonObject { ["uri"] = lab.ConnectionUri, ["namespace"] = lab.Name });
}
