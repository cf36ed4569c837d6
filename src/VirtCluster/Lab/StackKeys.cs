using VirtCluster.Linux;
using VirtCluster.Remote;

namespace VirtCluster.Lab;

/// <summary>
/// The stack's SSH key pairs, generated once per stack and kept in the state backend with mode 0600 (never in
/// an image): <c>admin</c> is how the tool reaches the nodes; <c>cluster</c> is installed in the nodes for
/// node-to-node SSH (mpirun). Both public keys are authorised at boot. The admin key can instead be the user's own,
/// kept as the secret <c>virtcluster:sshKey</c>: then it exists only encrypted in the stack file and in memory.
/// </summary>
public sealed class StackKeys
{
    private StackKeys(string directory, SshKeyPair admin, SshKeyPair cluster)
    {
        Directory = directory;
        Admin = admin;
        Cluster = cluster;
    }

    public string Directory { get; }

    public SshKeyPair Admin { get; }

    public SshKeyPair Cluster { get; }

    /// <summary>Loads the stack's keys from <paramref name="directory"/>, creating them the first time.</summary>
    /// <param name="directory">The stack's key folder in the state backend.</param>
    /// <param name="stack">The stack's name, for the keys' comments.</param>
    /// <param name="adminPrivateKey">The user's key for the admin pair (<c>virtcluster:sshKey</c>); null to use a generated one.</param>
    public static StackKeys LoadOrCreate(string directory, string stack, string? adminPrivateKey = null)
    {
        Posix.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var admin = adminPrivateKey is null
            ? Pair(directory, "admin", $"virtcluster-{stack}-admin")
            : SshKeyPair.FromPrivateKey(adminPrivateKey, $"virtcluster-{stack}-admin");
        return new StackKeys(directory, admin, Pair(directory, "cluster", $"virtcluster-{stack}-cluster"));
    }

    private static SshKeyPair Pair(string directory, string name, string comment)
    {
        var privatePath = Path.Combine(directory, name);
        var publicPath = privatePath + ".pub";
        if (File.Exists(privatePath) && File.Exists(publicPath))
        {
            return SshKeyPair.FromStrings(File.ReadAllText(privatePath), File.ReadAllText(publicPath).Trim());
        }

        var pair = SshKeyPair.Generate(comment);
        pair.WritePrivateKeyFile(privatePath);
        File.WriteAllText(publicPath, pair.PublicKeyLine + "\n");
        return pair;
    }
}
