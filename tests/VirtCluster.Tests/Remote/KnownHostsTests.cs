using System.Runtime.Versioning;
using VirtCluster.Remote;

namespace VirtCluster.Tests.Remote;

[SupportedOSPlatform("linux")]
public sealed class KnownHostsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vct-known-");
    private readonly HostKey _first = HostKey.Parse(SshKeyPair.Generate("a").PublicKeyLine);
    private readonly HostKey _second = HostKey.Parse(SshKeyPair.Generate("b").PublicKeyLine);

    public void Dispose() => _directory.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    [Fact]
    public void PinnedKeyIsAccepted()
    {
        var knownHosts = new KnownHosts();
        knownHosts.Pin("node01", _first);

        knownHosts.Verify("node01", _first);
    }

    [Fact]
    public void HostWithoutPinnedKeyIsRefusedNamingThePresentedKey()
    {
        var error = Assert.Throws<UnknownHostKeyException>(() => new KnownHosts().Verify("node01", _first));

        Assert.Equal("node01", error.Host);
        Assert.Equal(_first.Fingerprint, error.PresentedFingerprint);
    }

    [Fact]
    public void OtherKeyIsAMismatchNamingExpectedAndPresentedFingerprints()
    {
        var knownHosts = new KnownHosts();
        knownHosts.Pin("node01", _first);

        var error = Assert.Throws<HostKeyMismatchException>(() => knownHosts.Verify("node01", _second));

        Assert.Equal([_first.Fingerprint], error.ExpectedFingerprints);
        Assert.Equal(_second.Fingerprint, error.PresentedFingerprint);
        Assert.Contains(_first.Fingerprint, error.Message);
        Assert.Contains(_second.Fingerprint, error.Message);
    }

    [Fact]
    public void KeysArePinnedPerHostName()
    {
        var knownHosts = new KnownHosts();
        knownHosts.Pin("node01", _first);

        Assert.Throws<UnknownHostKeyException>(() => knownHosts.Verify("node02", _first));
    }

    [Fact]
    public void PinningAgainReplacesTheKeyOfTheSameType()
    {
        var knownHosts = new KnownHosts();
        knownHosts.Pin("node01", _first);
        knownHosts.Pin("node01", _second);

        Assert.Equal([_second], knownHosts.KeysFor("node01"));
    }

    [Fact]
    public void SavedFileIsOwnerOnlyAndLoadsBackTheSameKeys()
    {
        var knownHosts = KnownHosts.Load(PathOf("known_hosts"));
        knownHosts.Pin("node01", _first);
        knownHosts.Pin("node02", _second.ToString() + " comment");
        knownHosts.Save();

        var reloaded = KnownHosts.Load(PathOf("known_hosts"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PathOf("known_hosts")));
        Assert.Equal([_first], reloaded.KeysFor("node01"));
        Assert.Equal([_second], reloaded.KeysFor("node02"));
    }

    [Fact]
    public void SavedFileIsOneOpenSshKnownHostsLinePerKey()
    {
        var knownHosts = new KnownHosts();
        knownHosts.Pin("node01", _first);
        knownHosts.SaveAs(PathOf("kh"));

        // ssh-keygen -F finds a host in a known_hosts file only if it can parse the file.
        var found = KeyFiles.SshKeygen("-F", "node01", "-f", PathOf("kh"));

        Assert.Contains("node01 " + _first, found);
    }

    [Fact]
    public void LoadingReadsCommaSeparatedNamesAndSkipsComments()
    {
        File.WriteAllText(PathOf("kh"), $"# pinned from the console\n\nnode01,node01.cluster {_first} x\n");

        var knownHosts = KnownHosts.Load(PathOf("kh"));

        Assert.Equal([_first], knownHosts.KeysFor("node01"));
        Assert.Equal([_first], knownHosts.KeysFor("node01.cluster"));
    }

    [Fact]
    public void EntriesHashedByOpenSshAndHostsOnOtherPortsAreFoundUnderTheNamesOpenSshUses()
    {
        // Debian's ssh hashes what it learns; ssh-keygen -H hashes a file the same way.
        File.WriteAllText(PathOf("kh"), $"node01 {_first}\n[10.78.0.2]:2222 {_second}\n");
        var (exitCode, output) = Support.ProgramRun.Run("ssh-keygen", ["-H", "-f", PathOf("kh")]);
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("node01", File.ReadAllText(PathOf("kh")), StringComparison.Ordinal);

        var knownHosts = KnownHosts.Load(PathOf("kh"));

        Assert.Equal([_first], knownHosts.KeysFor("node01"));
        Assert.Equal([_second], knownHosts.KeysFor(KnownHosts.NameFor("10.78.0.2", 2222)));
        Assert.Empty(knownHosts.KeysFor("node02"));
        Assert.Empty(knownHosts.KeysFor("10.78.0.2"));
        Assert.Throws<HostKeyMismatchException>(() => knownHosts.Verify("node01", _second));
        knownHosts.Verify("node01", _first);

        // Saved and read back, the hashed entries stay hashed and still match.
        knownHosts.SaveAs(PathOf("again"));
        Assert.Equal([_first], KnownHosts.Load(PathOf("again")).KeysFor("node01"));
        Assert.DoesNotContain("node01", File.ReadAllText(PathOf("again")), StringComparison.Ordinal);
    }

    [Fact]
    public void MarkersAreRejectedWithFileAndLine()
    {
        File.WriteAllText(PathOf("kh"), $"node01 {_first}\n@revoked node02 {_second}\n");

        var error = Assert.Throws<FormatException>(() => KnownHosts.Load(PathOf("kh")));

        Assert.StartsWith(PathOf("kh") + ":2: @-markers", error.Message);
    }

    [Fact]
    public void KeyLineWhoseTypeContradictsItsDataIsRejected() =>
        Assert.Throws<FormatException>(() => HostKey.Parse("ssh-rsa " + _first.ToString().Split(' ')[1]));

    [Fact]
    public void MissingFileLoadsAsAnEmptyStore() =>
        Assert.Empty(KnownHosts.Load(PathOf("absent")).KeysFor("node01"));
}
