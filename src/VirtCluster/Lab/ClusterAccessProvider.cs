using System.Text;
using VirtCluster.Engine.Providers;

namespace VirtCluster.Lab;

/// <summary>
/// Node-to-node SSH for mpirun: installs the stack's cluster key in every node and the pinned host keys of all
/// nodes in <c>/etc/ssh/ssh_known_hosts</c> (guests refuse unknown keys). Any change installs them again.
/// </summary>
public sealed class ClusterAccessProvider(StackKeys keys) : IResourceProvider<ClusterAccessInputs, ClusterAccessOutputs>
{
    public const string TypeName = "virtcluster:lab:ClusterAccess";
    private const string KnownHostsPath = "/etc/ssh/ssh_known_hosts";
    private static readonly TimeSpan ConnectWithin = TimeSpan.FromSeconds(60);

    public string Type => TypeName;

    public DiffKind ChangeKind(string property) => DiffKind.Update;

    public async Task<ProviderResult<ClusterAccessOutputs>> CreateAsync(ProviderRequest<ClusterAccessInputs, ClusterAccessOutputs> request, CancellationToken cancellationToken)
    {
        var nodes = request.Inputs.Nodes;
        var knownHosts = string.Concat(nodes.Select(n => $"{n.Name},{n.Address} {n.HostKey}\n"));
        foreach (var node in nodes)
        {
            request.Progress?.Report($"{node.Name}: installing the cluster key and known hosts");
            await using var shell = await Connect(request.Inputs, node, cancellationToken);
            await Upload(shell, "/root/.ssh/id_ed25519", keys.Cluster.PrivateKey, UnixFileMode.UserRead | UnixFileMode.UserWrite, cancellationToken);
            await Upload(shell, "/root/.ssh/id_ed25519.pub", keys.Cluster.PublicKeyLine + "\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, cancellationToken);
            await Upload(shell, KnownHostsPath, knownHosts, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, cancellationToken);
        }

        return Result(nodes);
    }

    public async Task<ProviderResult<ClusterAccessOutputs>?> ReadAsync(ProviderRequest<ClusterAccessInputs, ClusterAccessOutputs> request, CancellationToken cancellationToken)
    {
        foreach (var node in request.Inputs.Nodes)
        {
            await using var shell = await Connect(request.Inputs, node, cancellationToken);
            var check = await shell.Ssh.RunAsync(["test", "-s", KnownHostsPath], TimeSpan.FromSeconds(30), cancellationToken);
            if (!check.Succeeded)
            {
                return null;
            }
        }

        return Result(request.Inputs.Nodes);
    }

    public Task<ProviderResult<ClusterAccessOutputs>> UpdateAsync(ProviderRequest<ClusterAccessInputs, ClusterAccessOutputs> request, CancellationToken cancellationToken) =>
        CreateAsync(request, cancellationToken);

    /// <summary>Nothing to undo: the keys go with the nodes' overlays.</summary>
    public Task DeleteAsync(ProviderRequest<ClusterAccessInputs, ClusterAccessOutputs> request, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<NodeShell> Connect(ClusterAccessInputs inputs, LabNode node, CancellationToken cancellationToken) =>
        await NodeShell.ConnectAsync(node.Route(inputs.Namespace), node.Name, node.Address, node.HostKey, keys.Admin, ConnectWithin, null, cancellationToken);

    private static Task Upload(NodeShell shell, string path, string content, UnixFileMode mode, CancellationToken cancellationToken) =>
        shell.Ssh.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), path, mode, cancellationToken);

    private static ProviderResult<ClusterAccessOutputs> Result(IReadOnlyList<LabNode> nodes) =>
        new("cluster-access", new ClusterAccessOutputs([.. nodes.Select(n => n.Name)]));
}
