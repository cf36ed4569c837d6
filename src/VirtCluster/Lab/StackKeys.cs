using VirtCluster.Engine.IO;
using VirtCluster.Linux;
using VirtCluster.Remote;

namespace VirtCluster.Lab;

/// <summary>
/// The stack's SSH key pairs, generated once per stack and kept in the state backend with mode 0600 (never in
/// an image): <c>admin</c> is how the tool reaches the nodes; <c>cluster</c> is installed in the nodes for
/// node-to-node SSH (mpirun). Both public keys are authorised at boot. The admin key can instead be the user's own,
/// kept as the secret <c>virtcluster:sshKey</c>: then it exists only encrypted in the stack file and in memory.
/// </summary>
/// <remarks>
/// Nothing is read or written until a pair is first used: a node's boot command line (built once the node image
/// exists, so never in a preview of a new stack) or a provider reaching the nodes. A <c>preview</c> therefore
/// leaves no key files, and the first <c>up</c> makes the keys that every later run reads back. Each pair is made
/// once per instance, also when nodes ask for it concurrently; one run keeps one instance per folder.
/// </remarks>
public sealed class StackKeys
{
    private readonly Lazy<SshKeyPair> _admin;
    private readonly Lazy<SshKeyPair> _cluster;

    /// <param name="directory">The stack's key folder in the state backend.</param>
    /// <param name="stack">The stack's name, for the keys' comments.</param>
    /// <param name="adminPrivateKey">The user's key for the admin pair (<c>virtcluster:sshKey</c>); null to use a generated one.</param>
    public StackKeys(string directory, string stack, string? adminPrivateKey = null)
    {
        Directory = directory;
        _admin = new Lazy<SshKeyPair>(() => adminPrivateKey is null
            ? Pair("admin", $"virtcluster-{stack}-admin")
            : SshKeyPair.FromPrivateKey(adminPrivateKey, $"virtcluster-{stack}-admin"));
        _cluster = new Lazy<SshKeyPair>(() => Pair("cluster", $"virtcluster-{stack}-cluster"));
    }

    public string Directory { get; }

    /// <summary>The pair the tool reaches the nodes with; read or made on first use.</summary>
    public SshKeyPair Admin => _admin.Value;

    /// <summary>The pair the nodes reach each other with; read or made on first use.</summary>
    public SshKeyPair Cluster => _cluster.Value;

    private SshKeyPair Pair(string name, string comment)
    {
        var privatePath = Path.Combine(Directory, name);
        var publicPath = privatePath + ".pub";
        if (File.Exists(privatePath) && File.Exists(publicPath))
        {
            return SshKeyPair.FromStrings(File.ReadAllText(privatePath), File.ReadAllText(publicPath).Trim());
        }

        Posix.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var pair = SshKeyPair.Generate(comment);
        pair.WritePrivateKeyFile(privatePath);
        AtomicFile.Write(publicPath, pair.PublicKeyLine + "\n", AtomicFile.Readable);
        return pair;
    }
}
