using VirtCluster.Images;

namespace VirtCluster.Tests.Images;

public sealed class ImageCacheKeyTests : IDisposable
{
    private const string Sources = "Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\n";

    private readonly SpecFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string KeyOf(string yaml, string name = "spec.yaml", string sources = Sources) =>
        ImageCacheKey.Compute(ImageSpecLoader.Load(_folder.WriteSpec(yaml, name)), sources);

    [Fact]
    public void TheSameSpecAlwaysGivesTheSameKey()
    {
        var key = KeyOf(SpecFolder.ValidYaml);

        Assert.Equal(key, KeyOf(SpecFolder.ValidYaml, "again.yaml"));
        Assert.Matches("^[0-9a-f]{64}$", key);
    }

    [Fact]
    public void CommentsAndKeyOrderDoNotChangeTheKey()
    {
        var reordered = "# a comment\nsuite: bookworm\n" + SpecFolder.ValidYaml.Replace("suite: bookworm\n", string.Empty);

        Assert.Equal(KeyOf(SpecFolder.ValidYaml), KeyOf(reordered, "reordered.yaml"));
    }

    [Fact]
    public void MovingTheSpecAndItsFilesElsewhereKeepsTheKey()
    {
        var key = KeyOf(SpecFolder.ValidYaml);
        using var other = new SpecFolder();

        var moved = ImageCacheKey.Compute(ImageSpecLoader.Load(other.WriteSpec(SpecFolder.ValidYaml)), Sources);

        Assert.Equal(key, moved);
    }

    [Fact]
    public void ChangingTheContentOfAnAddedFileChangesTheKey()
    {
        var key = KeyOf(SpecFolder.ValidYaml);

        _folder.WriteFile("files/hello.sh", "#!/bin/sh\necho changed\n");

        Assert.NotEqual(key, KeyOf(SpecFolder.ValidYaml));
    }

    [Theory]
    [InlineData("  - iproute2", "  - iproute2\n  - udev")]
    [InlineData("size: 1G", "size: 2G")]
    [InlineData("mode: \"0755\"", "mode: \"0700\"")]
    [InlineData("[e2scrub_reap.service]", "[e2scrub_reap.service, fstrim.timer]")]
    [InlineData("console=ttyS0", "console=ttyS1")]
    [InlineData("console=ttyS0]", "console=ttyS0]\ninitrdModules: [virtio_blk]")]
    public void ChangingWhatGoesIntoTheImageChangesTheKey(string from, string to)
    {
        Assert.NotEqual(KeyOf(SpecFolder.ValidYaml), KeyOf(SpecFolder.ValidYaml.Replace(from, to), "changed.yaml"));
    }

    [Fact]
    public void TheCanonicalFormCarriesTheRecipeVersionAndEveryKeyInAFixedOrder()
    {
        var spec = ImageSpecLoader.Load(_folder.WriteSpec(SpecFolder.ValidYaml + "\ninitrdModules: [virtio_blk, ext4]\n"));

        // One line when hashed; broken here only to be readable.
        var expected = """
            {"recipe":2,"name":"tiny","suite":"bookworm","variant":"minbase","sizeBytes":1073741824,
            "packages":["openssh-server","iproute2"],"files":[{"source":"files/hello.sh",
            "sha256":"bfdeaeb08cffb6a36438bcd12dda25417e3cdd36f1e7e482a2849d539225288b","target":"/usr/local/bin/hello","mode":"0755"}],
            "enable":["ssh.service"],"mask":["e2scrub_reap.service"],"kernelArgs":["root=/dev/vda","console=ttyS0"],
            "initrdModules":["virtio_blk","ext4"],"aptSourcesSha256":"9c8ce17a3a6588c5b6ef112c1ffbe2c2abfc6bb61b3c22d6cfb96bab7c46cf8a"}
            """.Replace("\n", string.Empty, StringComparison.Ordinal);

        Assert.Equal(
            expected,
            ImageCacheKey.Canonical(spec, Sources));
    }

    [Fact]
    public void OtherAptSourcesGiveAnotherKey()
    {
        Assert.NotEqual(KeyOf(SpecFolder.ValidYaml), KeyOf(SpecFolder.ValidYaml, sources: Sources.Replace("main", "main contrib")));
    }
}
