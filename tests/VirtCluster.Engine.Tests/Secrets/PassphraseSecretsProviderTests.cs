using VirtCluster.Engine.Config;
using VirtCluster.Engine.Secrets;
using VirtCluster.Engine.Tests.Config;

namespace VirtCluster.Engine.Tests.Secrets;

public sealed class PassphraseSecretsProviderTests : IDisposable
{
    private readonly TempProject _dir = new();
    private readonly ProjectManifest _project;

    public PassphraseSecretsProviderTests()
    {
        _dir.Write("dev", "config: {}\n");
        _project = ProjectLoader.Load(_dir.Directory);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AValueEncryptedForAStackDecryptsWithTheSamePassphraseAndSalt()
    {
        var writer = PassphraseSecretsProvider.ForStack(_project, "dev", "correct horse");
        var cipher = writer.Encrypt("ssh-ed25519 AAAA secret ключ");
        SaveSalt(writer);

        var reader = PassphraseSecretsProvider.ForStack(_project, "dev", "correct horse");

        Assert.StartsWith("v1:", cipher);
        Assert.False(reader.SaltIsNew);
        Assert.Equal("ssh-ed25519 AAAA secret ключ", reader.Decrypt(cipher));
    }

    [Fact]
    public void EncryptingTheSameTextTwiceGivesDifferentCiphertexts()
    {
        var secrets = PassphraseSecretsProvider.ForStack(_project, "dev", "pw");

        Assert.NotEqual(secrets.Encrypt("same"), secrets.Encrypt("same"));
    }

    [Fact]
    public void AWrongPassphraseIsNamedAsTheLikelyCause()
    {
        var writer = PassphraseSecretsProvider.ForStack(_project, "dev", "right");
        var cipher = writer.Encrypt("value");
        SaveSalt(writer);

        var error = Assert.Throws<ConfigException>(() => PassphraseSecretsProvider.ForStack(_project, "dev", "wrong").Decrypt(cipher));

        Assert.Equal("cannot decrypt the secrets of stack 'dev': wrong VIRTCLUSTER_CONFIG_PASSPHRASE?", error.Message);
    }

    [Fact]
    public void ATamperedCiphertextFailsAuthentication()
    {
        var secrets = PassphraseSecretsProvider.ForStack(_project, "dev", "pw");
        var bytes = Convert.FromBase64String(secrets.Encrypt("value")[3..]);
        bytes[14] ^= 0x01;

        var error = Assert.Throws<ConfigException>(() => secrets.Decrypt("v1:" + Convert.ToBase64String(bytes)));

        Assert.Contains("fails authentication", error.Message);
    }

    [Fact]
    public void AValueThatIsNotV1IsRefusedClearly()
    {
        var secrets = PassphraseSecretsProvider.ForStack(_project, "dev", "pw");

        var error = Assert.Throws<ConfigException>(() => secrets.Decrypt("plain text"));

        Assert.Contains("expected v1:BASE64", error.Message);
    }

    [Fact]
    public void WithoutAPassphraseTheErrorNamesTheVariable()
    {
        var secrets = PassphraseSecretsProvider.ForStack(_project, "dev", passphrase: null);

        var error = Assert.Throws<ConfigException>(() => secrets.Encrypt("x"));

        Assert.StartsWith("VIRTCLUSTER_CONFIG_PASSPHRASE is not set", error.Message);
    }

    [Fact]
    public void TheKeyIsDerivedOncePerSaltAndPassphrase()
    {
        byte[] salt = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

        var first = PassphraseKeyCache.KeyFor("cached", salt);

        Assert.Same(first, PassphraseKeyCache.KeyFor("cached", salt));
        Assert.NotEqual(first, PassphraseKeyCache.KeyFor("other", salt));
        Assert.Equal(32, first.Length);
    }

    [Fact]
    public void AMalformedSaltPointsAtItsLine()
    {
        _dir.Write("dev", "config: {}\nencryptionsalt: v1:nope\n");

        var error = Assert.Throws<ConfigException>(() => PassphraseSecretsProvider.ForStack(_project, "dev", "pw"));

        Assert.StartsWith("Pulumi.dev.yaml:2:17: key 'encryptionsalt'", error.Message);
    }

    private void SaveSalt(PassphraseSecretsProvider secrets) =>
        _dir.Write("dev", $"encryptionsalt: {secrets.EncryptionSalt}\nconfig: {{}}\n");
}
