using VirtCluster.Config;
using VirtCluster.Lab;
using VirtCluster.Remote;

namespace VirtCluster.Cluster;

/// <summary>
/// SSH to a real host the way its administrator already does: the stack's identity file (or the user's default
/// key) and the known_hosts file (the stack's, or the user's). A host whose key is not already known there is
/// refused, never trusted blindly.
/// </summary>
public static class RealHostSsh
{
    public static async Task<SshRunner> ConnectAsync(string hostName, Config.SshEndpoint ssh, CancellationToken cancellationToken)
    {
        var knownHosts = LoadKnownHosts(ssh);
        return await SshRunner.ConnectAsync(
            new Remote.SshEndpoint(KnownHosts.NameFor(ssh.Address, ssh.Port), ssh.Address, ssh.Port),
            SshIdentity.FromKeyFile(ssh.User, IdentityFile(hostName, ssh)),
            knownHosts,
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// How the tool reaches the host to get to its guests: its address, user and key, and the host keys known for it
    /// (pinned from then on, as a simulated host's are from its creation).
    /// </summary>
    public static HostHop Hop(string hostName, Config.SshEndpoint ssh)
    {
        var name = KnownHosts.NameFor(ssh.Address, ssh.Port);
        var keys = LoadKnownHosts(ssh).KeysFor(name);
        if (keys.Count == 0)
        {
            throw new InvalidOperationException(
                $"{hostName}: no host key for {name} in {KnownHostsPath(ssh)}; check the host's fingerprint, then add it (e.g. ssh-keyscan -p {ssh.Port} {ssh.Address} >> {KnownHostsPath(ssh)})");
        }

        return new HostHop(hostName, ssh.Address, ssh.Port, string.Join('\n', keys.Select(k => k.ToString())))
        {
            User = ssh.User,
            IdentityFile = IdentityFile(hostName, ssh),
        };
    }

    private static string IdentityFile(string hostName, Config.SshEndpoint ssh)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return ssh.IdentityFile
            ?? new[] { "id_ed25519", "id_ecdsa", "id_rsa" }.Select(k => Path.Combine(home, ".ssh", k)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{hostName}: no SSH key: set ssh.identityFile or create ~/.ssh/id_ed25519");
    }

    private static string KnownHostsPath(Config.SshEndpoint ssh) =>
        ssh.KnownHostsFile ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh", "known_hosts");

    private static KnownHosts LoadKnownHosts(Config.SshEndpoint ssh) =>
        File.Exists(KnownHostsPath(ssh)) ? KnownHosts.Load(KnownHostsPath(ssh)) : new KnownHosts();
}
