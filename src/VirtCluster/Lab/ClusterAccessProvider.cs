using System.Text;
using System.Text.Json.Nodes;
using VirtCluster.Engine.Providers;
using VirtCluster.Resources.Libvirt;

namespace VirtCluster.Lab;

/// <summary>
/// Node-to-node SSH for mpirun: installs the stack's cluster key in every node and the pinned host keys of all
/// nodes in <c>/etc/ssh/ssh_known_hosts</c> (guests refuse unknown keys). Inputs: <c>namespace</c>, <c>nodes</c>
/// (name, address and the host key each node printed at boot).
/// </summary>
public sealed class ClusterAccessProvider(StackKeys keys) : IResourceProvider
{
    public const string TypeName = "virtcluster:lab:ClusterAccess";
    private const string KnownHostsPath = "/etc/ssh/ssh_known_hosts";
    private static readonly TimeSpan ConnectWithin = TimeSpan.FromSeconds(60);

    public string Type => TypeName;

    public IReadOnlyList<CheckFailure> Check(JsonObject inputs) =>
        inputs["nodes"] is JsonArray ? Inputs.RequireStrings(inputs, "namespace") : [new CheckFailure("nodes", "required (a list)")];

    public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs) =>
        InputDiff.Compare(old.Inputs, newInputs, _ => DiffKind.Update);

    public async Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var nodes = Nodes(request.Inputs);
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

    public async Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var nodes = Nodes(request.Inputs);
        foreach (var node in nodes)
        {
            await using var shell = await Connect(request.Inputs, node, cancellationToken);
            var check = await shell.Ssh.RunAsync(["test", "-s", KnownHostsPath], TimeSpan.FromSeconds(30), cancellationToken);
            if (!check.Succeeded)
            {
                return null;
            }
        }

        return Result(nodes);
    }

    public Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        CreateAsync(request, cancellationToken);

    /// <summary>Nothing to undo: the keys go with the nodes' overlays.</summary>
    public Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<NodeShell> Connect(JsonObject inputs, LabNode node, CancellationToken cancellationToken) =>
        await NodeShell.ConnectAsync(
            Inputs.String(inputs, "namespace"), node.Name, node.Address, node.HostKey, keys.Admin, ConnectWithin, null, cancellationToken);

    private static Task Upload(NodeShell shell, string path, string content, UnixFileMode mode, CancellationToken cancellationToken) =>
        shell.Ssh.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), path, mode, cancellationToken);

    private static List<LabNode> Nodes(JsonObject inputs) =>
    [
        .. inputs["nodes"]!.AsArray().Select(n => new LabNode(
            n!["name"]!.GetValue<string>(), n["address"]!.GetValue<string>(), n["hostKey"]!.GetValue<string>())),
    ];

    private static ProviderResult Result(IReadOnlyList<LabNode> nodes) =>
        new("cluster-access", new JsonObject { ["nodes"] = new JsonArray([.. nodes.Select(n => (JsonNode)JsonValue.Create(n.Name)!)]) });
}

/// <summary>A lab node as the access step sees it.</summary>
public sealed record LabNode(string Name, string Address, string HostKey);
