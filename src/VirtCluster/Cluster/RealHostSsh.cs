using VirtCluster.Config;
using VirtCluster.Remote;

namespace VirtCluster.Cluster;

/// <summary>
/// SSH to a real host the way its administrator already does: the stack's identity file (or the user's default
/// key) and the user's known_hosts. A host whose key is not already known there is refused, never trusted blindly.
/// </summary>
public static class RealHostSsh
{
    public static async Task<SshRunner> ConnectAsync(string hostName, Config.SshEndpoint ssh, CancellationToken cancellationToken)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var key = ssh.IdentityFile
            ?? new[] { "id_ed25519", "id_ecdsa", "id_rsa" }.Select(k => Path.Combine(home, ".ssh", k)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{hostName}: no SSH key: set ssh.identityFile or create ~/.ssh/id_ed25519");
        var knownHostsFile = Path.Combine(home, ".ssh", "known_hosts");
        var knownHosts = File.Exists(knownHostsFile) ? KnownHosts.Load(knownHostsFile) : new KnownHosts();
        return await SshRunner.ConnectAsync(
            new Remote.SshEndpoint(KnownHosts.NameFor(ssh.Address, ssh.Port), ssh.Address, ssh.Port),
            SshIdentity.FromKeyFile(ssh.User, key),
            knownHosts,
            cancellationToken: cancellationToken);
    }
}
