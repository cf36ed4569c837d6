using System.Runtime.Versioning;
using VirtCluster.Remote;

namespace VirtCluster.Tests.Remote;

[SupportedOSPlatform("linux")]
public sealed class SshKeyPairTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vct-keys-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void GeneratedPairIsAnEd25519KeyInOpenSshFormat()
    {
        var pair = SshKeyPair.Generate("stack-local");

        Assert.StartsWith("-----BEGIN OPENSSH PRIVATE KEY-----", pair.PrivateKey);
        Assert.Matches(@"^ssh-ed25519 AAAA[A-Za-z0-9+/=]+ stack-local$", pair.PublicKeyLine);
    }

    [Fact]
    public void OpenSshAgreesThatThePrivateKeyBelongsToThePublicLine()
    {
        var pair = SshKeyPair.Generate("stack-local");
        var keyFile = Path.Combine(_directory.FullName, "id");
        pair.WritePrivateKeyFile(keyFile);

        var derived = KeyFiles.SshKeygen("-y", "-f", keyFile).Trim();

        Assert.Equal(pair.PublicKeyLine.Split(' ')[..2], derived.Split(' ')[..2]);
    }

    [Fact]
    public void APairFromAUsersPrivateKeyHasThePublicLineOpenSshDerivesAndLeavesNoCopyBehind()
    {
        var original = SshKeyPair.Generate("someone@workstation");
        var before = Directory.GetDirectories(Path.GetTempPath(), "virtcluster-key-*").Length;

        var pair = SshKeyPair.FromPrivateKey(original.PrivateKey.Replace("\n", "\r\n", StringComparison.Ordinal), "virtcluster-local-admin");

        Assert.Equal(original.PublicKeyLine.Split(' ')[..2], pair.PublicKeyLine.Split(' ')[..2]);
        Assert.EndsWith(" virtcluster-local-admin", pair.PublicKeyLine);
        Assert.Equal(original.PrivateKey.Trim(), pair.PrivateKey.Trim());
        Assert.Equal(before, Directory.GetDirectories(Path.GetTempPath(), "virtcluster-key-*").Length);
    }

    [Fact]
    public void AKeySshKeygenCannotReadIsRefusedWithoutQuotingIt()
    {
        const string broken = "-----BEGIN OPENSSH PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END OPENSSH PRIVATE KEY-----\n";

        var error = Assert.Throws<InvalidOperationException>(() => SshKeyPair.FromPrivateKey(broken, "x"));

        Assert.StartsWith("ssh-keygen failed", error.Message);
        Assert.DoesNotContain("bm90IGEga2V5", error.Message);
    }

    [Fact]
    public void PrivateKeyFileIsReadableByItsOwnerOnly()
    {
        var keyFile = Path.Combine(_directory.FullName, "id");
        SshKeyPair.Generate("x").WritePrivateKeyFile(keyFile);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
    }

    [Fact]
    public void FingerprintMatchesWhatSshKeygenPrints()
    {
        var pair = SshKeyPair.Generate("x");
        var publicFile = Path.Combine(_directory.FullName, "id.pub");
        File.WriteAllText(publicFile, pair.PublicKeyLine + "\n");

        var printed = KeyFiles.SshKeygen("-l", "-E", "sha256", "-f", publicFile).Split(' ')[1];

        Assert.Equal(printed, pair.Fingerprint);
    }

    [Fact]
    public void GeneratedPrivateKeyLoadsAsAnIdentity()
    {
        var identity = SshIdentity.FromKeyPair("root", SshKeyPair.Generate("x"));
        Assert.Equal("root", identity.User);
    }

    [Fact]
    public void GarbageKeyFileFailsWhenTheIdentityIsMadeNamingTheFile()
    {
        var keyFile = Path.Combine(_directory.FullName, "broken");
        File.WriteAllText(keyFile, "not a key\n");

        var error = Assert.Throws<InvalidDataException>(() => SshIdentity.FromKeyFile("root", keyFile));
        Assert.Contains(keyFile, error.Message);
    }
}
