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
    public void EditingASourceFileChangesTheKeyAndTheSameTreeGivesTheSameKeyAgain()
    {
        _folder.WriteSources();
        var yaml = SpecFolder.ValidYaml + SpecFolder.SourcesYaml;
        var key = KeyOf(yaml);

        Assert.Equal(key, KeyOf(yaml));
        _folder.WriteFile("src/greeting/message.txt", "hello from the edited sources\n");
        var edited = KeyOf(yaml);
        _folder.WriteFile("src/greeting/message.txt", "hello from the sources\n");

        Assert.NotEqual(key, edited);
        Assert.Equal(key, KeyOf(yaml));
    }

    [Fact]
    public void AddingRemovingRenamingOrMakingASourceFileExecutableEachGivesANewKey()
    {
        _folder.WriteSources();
        var yaml = SpecFolder.ValidYaml + SpecFolder.SourcesYaml;
        var folder = Path.Combine(_folder.Root, "src", "greeting");
        var keys = new List<string> { KeyOf(yaml) };

        _folder.WriteFile("src/greeting/lib/more.txt", "more\n");
        keys.Add(KeyOf(yaml));
        File.Delete(Path.Combine(folder, "lib", ".defaults"));
        keys.Add(KeyOf(yaml));
        File.Move(Path.Combine(folder, "message.txt"), Path.Combine(folder, "note.txt"));
        keys.Add(KeyOf(yaml));
        VirtCluster.Linux.Posix.SetMode(Path.Combine(folder, "note.txt"), ImageSource.Executable);
        keys.Add(KeyOf(yaml));

        Assert.Equal(5, keys.Distinct().Count());
    }

    [Fact]
    public void OnlyWhetherASourceFileIsExecutableCountsNotTheUmaskItWasCheckedOutWith()
    {
        _folder.WriteSources();
        var yaml = SpecFolder.ValidYaml + SpecFolder.SourcesYaml;
        var message = Path.Combine(_folder.Root, "src", "greeting", "message.txt");
        var key = KeyOf(yaml);

        VirtCluster.Linux.Posix.SetMode(message, ImageSource.Readable | UnixFileMode.GroupWrite);
        var groupWritable = KeyOf(yaml);
        VirtCluster.Linux.Posix.SetMode(message, ImageSource.Executable | UnixFileMode.GroupWrite);
        var executable = KeyOf(yaml);

        Assert.Equal(key, groupWritable);
        Assert.NotEqual(key, executable);
    }

    [Theory]
    [InlineData("run: [sh, build.sh]", "run: [sh, -e, build.sh]")]
    [InlineData("workdir: /usr/local/src/greeting", "workdir: /usr/local/src")]
    [InlineData("name: check", "name: verify")]
    [InlineData("target: /usr/local/src/greeting", "target: /opt/greeting")]
    [InlineData("run: test -s /usr/local/share/greeting.txt", "run: test -f /usr/local/share/greeting.txt")]
    public void ChangingASourceOrABuildStepChangesTheKey(string from, string to)
    {
        _folder.WriteSources();
        var yaml = SpecFolder.ValidYaml + SpecFolder.SourcesYaml;

        Assert.Contains(from, yaml);
        Assert.NotEqual(KeyOf(yaml), KeyOf(yaml.Replace(from, to), "changed.yaml"));
    }

    [Fact]
    public void TheOrderOfTheBuildStepsIsPartOfTheKey()
    {
        const string Build = "build:\n  - { name: one, run: [true] }\n  - { name: two, run: [false] }\n";
        const string Swapped = "build:\n  - { name: two, run: [false] }\n  - { name: one, run: [true] }\n";

        Assert.Equal(KeyOf(SpecFolder.ValidYaml + "\n" + Build), KeyOf(SpecFolder.ValidYaml + "\n" + Build, "again.yaml"));
        Assert.NotEqual(KeyOf(SpecFolder.ValidYaml + "\n" + Build), KeyOf(SpecFolder.ValidYaml + "\n" + Swapped, "swapped.yaml"));
    }

    [Fact]
    public void TheCanonicalFormCarriesTheRecipeVersionAndEveryKeyInAFixedOrder()
    {
        _folder.WriteSources();
        var spec = ImageSpecLoader.Load(_folder.WriteSpec(SpecFolder.ValidYaml + SpecFolder.SourcesYaml + "\ninitrdModules: [virtio_blk, ext4]\n"));

        // One line when hashed; broken here only to be readable.
        var expected = """
            {"recipe":2,"name":"tiny","suite":"bookworm","variant":"minbase","sizeBytes":1073741824,
            "packages":["openssh-server","iproute2"],"files":[{"source":"files/hello.sh",
            "sha256":"bfdeaeb08cffb6a36438bcd12dda25417e3cdd36f1e7e482a2849d539225288b","target":"/usr/local/bin/hello","mode":"0755"}],
            "sources":[{"source":"src/greeting","target":"/usr/local/src/greeting","files":[
            {"path":"build.sh","mode":"0755","sha256":"f0778ba06606b75005abc6114a0177dc46fdd1854fd1c8d6f89da6972e6c606b"},
            {"path":"lib/.defaults","mode":"0644","sha256":"3b6a5e83064c150d750ab23cda5897779da4dd38c898c280b0a4145ba17484dd"},
            {"path":"message.txt","mode":"0644","sha256":"f2c0e3ffe949268ff043cf9d67ebf2700e6d8f215bc480b4d9db896c9e68bb7d"}]}],
            "build":[{"name":"greet","run":["sh","build.sh"],"workdir":"/usr/local/src/greeting"},
            {"name":"check","run":["/bin/sh","-c","test -s /usr/local/share/greeting.txt"],"workdir":"/"}],
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
