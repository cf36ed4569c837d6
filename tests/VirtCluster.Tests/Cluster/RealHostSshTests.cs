using System.Diagnostics;
using VirtCluster.Cluster;
using VirtCluster.Remote;

namespace VirtCluster.Tests.Cluster;

/// <summary>
/// How the tool reaches a real host to get to its guests: the operator's key and user, and the host keys already known
/// for the host (hashed by OpenSSH, on another port), never one first seen on contact.
/// </summary>
public sealed class RealHostSshTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vc-realssh-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheHopCarriesTheOperatorsKeyAndUserAndEveryKeyKnownForTheHostInAHashedFile()
    {
        var ed25519 = SshKeyPair.Generate("agc01-ed25519").PublicKeyLine;
        var other = SshKeyPair.Generate("agc01-second").PublicKeyLine;
        var knownHosts = Path.Combine(_folder, "known_hosts");
        File.WriteAllText(knownHosts, $"[10.0.0.1]:2222 {ed25519}\n[10.0.0.1]:2222 {other}\n10.0.0.2 {SshKeyPair.Generate("agc02").PublicKeyLine}\n");
        using (var keygen = Process.Start(new ProcessStartInfo("ssh-keygen", ["-H", "-f", knownHosts]) { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            keygen.WaitForExit();
            Assert.Equal(0, keygen.ExitCode);
        }

        Assert.DoesNotContain("10.0.0.1", File.ReadAllText(knownHosts), StringComparison.Ordinal);

        var hop = RealHostSsh.Hop("agc01", new global::VirtCluster.Config.SshEndpoint("10.0.0.1", 2222, "admin", "/keys/operator", knownHosts));

        Assert.Equal(("agc01", "10.0.0.1", 2222, "admin", "/keys/operator"), (hop.Name, hop.Address, hop.Port, hop.User, hop.IdentityFile));
        Assert.Equal(
            new[] { ed25519, other }.Select(k => string.Join(' ', k.Split(' ').Take(2))),
            hop.HostKeyLines());
    }

    [Fact]
    public void AHostWhoseKeyIsNotKnownIsRefusedWithTheCommandThatFetchesIt()
    {
        var knownHosts = Path.Combine(_folder, "known_hosts");
        File.WriteAllText(knownHosts, $"10.0.0.2 {SshKeyPair.Generate("agc02").PublicKeyLine}\n");

        // Positive control: the host that is known gets its key.
        Assert.Single(RealHostSsh.Hop("agc02", new global::VirtCluster.Config.SshEndpoint("10.0.0.2", 22, "root", "/keys/operator", knownHosts)).HostKeyLines());

        var error = Assert.Throws<InvalidOperationException>(
            () => RealHostSsh.Hop("agc01", new global::VirtCluster.Config.SshEndpoint("10.0.0.1", 22, "root", "/keys/operator", knownHosts)));

        Assert.StartsWith("agc01: no host key for 10.0.0.1 in " + knownHosts, error.Message, StringComparison.Ordinal);
        Assert.Contains("ssh-keyscan -p 22 10.0.0.1 >> " + knownHosts, error.Message, StringComparison.Ordinal);
    }
}
