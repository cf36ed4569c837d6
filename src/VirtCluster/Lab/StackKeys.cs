using VirtCluster.Remote;

namespace VirtCluster.Lab;

/// <summary>
/// The stack's SSH key pairs, generated once per stack and kept in the state backend with mode 0600 (never in
/// an image): <c>admin</c> is how the tool reaches the nodes; <c>cluster</c> is installed in the nodes for
/// node-to-node SSH (mpirun). Both public keys are authorised at boot.
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
    public static StackKeys LoadOrCreate(string directory, string stack)
    {
        Images.Posix.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new StackKeys(directory, Pair(directory, "admin", $"virtcluster-{stack}-admin"), Pair(directory, "cluster", $"virtcluster-{stack}-cluster"));
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
