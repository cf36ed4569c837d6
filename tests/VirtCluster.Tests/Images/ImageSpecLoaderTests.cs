using VirtCluster.Engine.Config;
using VirtCluster.Images;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Images;

public sealed class ImageSpecLoaderTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheShippedHpcNodeSpecLoadsWithItsBenchmarkPackagesAndNoKeys()
    {
        var spec = ImageSpecLoader.Load(Path.Combine(TestPaths.RepoRoot, "images", "hpc-node.yaml"));

        Assert.Equal("bookworm", spec.Suite);
        Assert.Equal(3L << 30, spec.SizeBytes);
        Assert.Superset(
            new HashSet<string> { "openssh-server", "openmpi-bin", "hpcc", "netpipe-openmpi", "qemu-guest-agent", "rdma-core",
                "ibverbs-utils", "infiniband-diags", "perftest", "mstflint", "linux-image-amd64" },
            spec.Packages.ToHashSet());
        Assert.Contains("e2scrub_reap.service", spec.Mask);
        Assert.Contains("console=ttyS0", spec.KernelArgs);
        Assert.All(spec.Files, f => Assert.DoesNotContain("PRIVATE KEY", File.ReadAllText(f.Source), StringComparison.Ordinal));
    }

    [Fact]
    public void TheShippedHpcNodeSpecCompilesVcPingPongAndVcJacobiWithTheImagesMpiAndThenRemovesTheCompiler()
    {
        var spec = ImageSpecLoader.Load(Path.Combine(TestPaths.RepoRoot, "images", "hpc-node.yaml"));

        Assert.Equal(
            [("src/mpi-pingpong", "/usr/local/src/mpi-pingpong"), ("src/mpi-jacobi", "/usr/local/src/mpi-jacobi")],
            spec.Sources.Select(source => (source.RelativeSource, source.Target)));
        Assert.Equal(["pingpong.c"], spec.Sources[0].Files().Select(f => f.RelativePath));
        Assert.Equal(["jacobi.c"], spec.Sources[1].Files().Select(f => f.RelativePath));
        Assert.Equal(["vc-pingpong", "vc-jacobi", "remove-build-tools"], spec.Build.Select(step => step.Name));
        Assert.Equal(["mpicc", "-O2", "-o", "/usr/local/bin/vc-pingpong", "pingpong.c"], spec.Build[0].Run);
        Assert.Equal("/usr/local/src/mpi-pingpong", spec.Build[0].WorkDir);
        Assert.Equal(["mpicc", "-O2", "-o", "/usr/local/bin/vc-jacobi", "jacobi.c"], spec.Build[1].Run);
        Assert.Equal("/usr/local/src/mpi-jacobi", spec.Build[1].WorkDir);
        Assert.Equal(["/bin/sh", "-c"], spec.Build[2].Run.Take(2));
        Assert.EndsWith("apt-get purge -y -q --autoremove -o APT::AutoRemove::SuggestsImportant=false -o Dpkg::Use-Pty=0 libopenmpi-dev gcc", spec.Build[2].Run[2]);
        Assert.Superset(new HashSet<string> { "libopenmpi-dev", "gcc" }, spec.Packages.ToHashSet());
    }

    [Fact]
    public void FileSourcesResolveAgainstTheSpecFolderAndKeepTheirMode()
    {
        var spec = ImageSpecLoader.Load(_folder.WriteSpec(SpecFolder.ValidYaml));

        var file = Assert.Single(spec.Files);
        Assert.Equal(Path.Combine(_folder.Root, "files", "hello.sh"), file.Source);
        Assert.Equal("/usr/local/bin/hello", file.Target);
        Assert.Equal((UnixFileMode)0x1ED, file.Mode);
        Assert.Equal("minbase", spec.Variant);
        Assert.Empty(spec.InitrdModules);
    }

    [Fact]
    public void AnUnknownKeyIsRejectedWithItsLineAndColumnAndTheAllowedKeys()
    {
        var path = _folder.WriteSpec(SpecFolder.ValidYaml.Replace("suite: bookworm", "suite: bookworm\npackage: [vim]"));

        var error = Assert.Throws<ConfigException>(() => ImageSpecLoader.Load(path));

        Assert.StartsWith($"{path}:3:1: key 'package': unknown key; allowed keys are name, suite", error.Message);
    }

    [Fact]
    public void AnUnknownKeyInsideAFileEntryIsRejected()
    {
        var path = _folder.WriteSpec(SpecFolder.ValidYaml.Replace("    mode: \"0755\"", "    owner: root"));

        var error = Assert.Throws<ConfigException>(() => ImageSpecLoader.Load(path));

        Assert.StartsWith($"{path}:10:5: key 'files[].owner': unknown key", error.Message);
    }

    [Fact]
    public void ADuplicateKeyIsAnErrorAtTheSecondOccurrence()
    {
        var path = _folder.WriteSpec(SpecFolder.ValidYaml + "\nsuite: trixie\n");

        var error = Assert.Throws<ConfigException>(() => ImageSpecLoader.Load(path));

        Assert.StartsWith($"{path}:14:1: duplicate key", error.Message);
    }

    [Fact]
    public void PackagesWrittenAsOneStringAreAWrongType()
    {
        var path = _folder.WriteSpec(SpecFolder.ValidYaml.Replace("packages:\n  - openssh-server\n  - iproute2", "packages: openssh-server iproute2"));

        var error = Assert.Throws<ConfigException>(() => ImageSpecLoader.Load(path));

        Assert.StartsWith($"{path}:4:11: key 'packages': expected a list", error.Message);
    }

    [Theory]
    [InlineData("size: 1G", "size: 100M", "too small")]
    [InlineData("size: 1G", "size: 3GB", "not a size")]
    [InlineData("  - iproute2", "  - Bad_Name", "not a Debian package name")]
    [InlineData("  - iproute2", "  - openssh-server", "listed twice")]
    [InlineData("mode: \"0755\"", "mode: rwx", "not an octal mode")]
    [InlineData("target: /usr/local/bin/hello", "target: usr/local/bin/hello", "not an absolute path")]
    [InlineData("source: files/hello.sh", "source: ../outside.sh", "not a path relative")]
    [InlineData("[ssh.service]", "[ssh]", "not a systemd unit name")]
    [InlineData("name: tiny\n", "", "key 'name': is required")]
    [InlineData("console=ttyS0]", "console=ttyS0]\ninitrdModules: [Virtio_Blk]", "key 'initrdModules': 'Virtio_Blk' is not a kernel module name")]
    [InlineData("console=ttyS0]", "console=ttyS0]\ninitrdModules: [ext4$(reboot)]", "'ext4$(reboot)' is not a kernel module name")]
    public void InvalidValuesNameTheKeyAndTheFix(string from, string to, string expected)
    {
        var path = _folder.WriteSpec(SpecFolder.ValidYaml.Replace(from, to));

        var error = Assert.Throws<ConfigException>(() => ImageSpecLoader.Load(path));

        Assert.StartsWith(path + ":", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AMissingSourceFileIsReportedWithItsResolvedPath()
    {
        var path = _folder.WriteSpec(SpecFolder.ValidYaml.Replace("files/hello.sh", "files/missing.sh"));

        var error = Assert.Throws<ConfigException>(() => ImageSpecLoader.Load(path));

        Assert.Contains($"'{Path.Combine(_folder.Root, "files", "missing.sh")}' does not exist", error.Message);
    }

    [Fact]
    public void SourcesAndBuildStepsAreReadInOrderWithEveryFileOfTheFolder()
    {
        _folder.WriteSources();
        var spec = ImageSpecLoader.Load(_folder.WriteSpec(SpecFolder.ValidYaml + SpecFolder.SourcesYaml));

        var source = Assert.Single(spec.Sources);
        Assert.Equal(new ImageSource(Path.Combine(_folder.Root, "src", "greeting"), "src/greeting", "/usr/local/src/greeting"), source);
        Assert.Equal(
            [
                ("build.sh", "/usr/local/src/greeting/build.sh", ImageSource.Executable),
                ("lib/.defaults", "/usr/local/src/greeting/lib/.defaults", ImageSource.Readable),
                ("message.txt", "/usr/local/src/greeting/message.txt", ImageSource.Readable),
            ],
            source.Files().Select(f => (f.RelativePath, f.Target, f.Mode)));
        Assert.Equal(Path.Combine(_folder.Root, "src", "greeting", "lib", ".defaults"), source.Files()[1].Path);
        Assert.Equal(["greet", "check"], spec.Build.Select(step => step.Name));
        Assert.Equal(["sh", "build.sh"], spec.Build[0].Run);
        Assert.Equal("/usr/local/src/greeting", spec.Build[0].WorkDir);
        Assert.Equal(["/bin/sh", "-c", "test -s /usr/local/share/greeting.txt"], spec.Build[1].Run);
        Assert.Equal("/", spec.Build[1].WorkDir);
    }

    [Fact]
    public void ASourceThatIsOneFileGoesToItsTargetPath()
    {
        _folder.WriteSources();
        var spec = ImageSpecLoader.Load(_folder.WriteSpec(SpecFolder.ValidYaml + SpecFolder.SourcesYaml
            .Replace("source: src/greeting", "source: src/greeting/message.txt").Replace("target: /usr/local/src/greeting", "target: /etc/motd")));

        var file = Assert.Single(Assert.Single(spec.Sources).Files());
        Assert.Equal((".", "/etc/motd", ImageSource.Readable), (file.RelativePath, file.Target, file.Mode));
    }

    [Fact]
    public void ASpecWithoutSourcesOrBuildStepsHasNeither()
    {
        var spec = ImageSpecLoader.Load(_folder.WriteSpec(SpecFolder.ValidYaml));

        Assert.Empty(spec.Sources);
        Assert.Empty(spec.Build);
    }

    [Theory]
    [InlineData("    target: /usr/local/src/greeting", "    target: /usr/local/src/greeting\n    mode: \"0755\"",
        "17:5: key 'sources[].mode': unknown key; allowed keys are source, target")]
    [InlineData("    target: /usr/local/src/greeting", "    target: /usr/local/src/greeting\n  - source: src/greeting/message.txt\n    target: /usr/local/src/greeting",
        "18:13: key 'sources[].target': '/usr/local/src/greeting' is written twice")]
    [InlineData("source: src/greeting", "source: /usr/src/greeting", "15:13: key 'sources[].source': '/usr/src/greeting' is not a path relative to the spec's folder")]
    [InlineData("    workdir: /usr/local/src/greeting", "    cwd: /usr/local/src/greeting", "19:5: key 'build[].cwd': unknown key; allowed keys are name, run, workdir")]
    [InlineData("    run: [sh, build.sh]\n", "", "18:5: key 'build[].run': is required")]
    [InlineData("run: [sh, build.sh]", "run: []", "20:10: key 'build[].run': is empty; give the program and its arguments, e.g. [make, install], or one shell line")]
    [InlineData("run: [sh, build.sh]", "run: [sh, \"\"]", "20:15: key 'build[].run': expected a non-empty value")]
    [InlineData("name: greet", "name: Greet", "18:11: key 'build[].name': 'Greet' is not lowercase letters, digits and '-'")]
    [InlineData("name: check", "name: greet", "21:11: key 'build[].name': 'greet' names two steps; give each step its own name")]
    [InlineData("workdir: /usr/local/src/greeting", "workdir: usr/local/src/greeting",
        "19:14: key 'build[].workdir': 'usr/local/src/greeting' is not an absolute folder inside the image, e.g. /usr/local/src/tool")]
    public void ABadSourceOrBuildStepIsReportedAtItsLineWithTheFix(string from, string to, string expected)
    {
        _folder.WriteSources();
        var yaml = SpecFolder.ValidYaml + SpecFolder.SourcesYaml;
        Assert.Contains(from, yaml);
        var good = _folder.WriteSpec(yaml, "good.yaml");
        var bad = _folder.WriteSpec(yaml.Replace(from, to));

        var error = Assert.Throws<ConfigException>(() => ImageSpecLoader.Load(bad));

        Assert.Equal($"{bad}:{expected}", error.Message);
        Assert.Equal(2, ImageSpecLoader.Load(good).Build.Count);
    }

    [Fact]
    public void ASourceFolderThatIsMissingEmptyOrHoldsASymbolicLinkIsReportedAtItsLine()
    {
        _folder.WriteSources();
        Directory.CreateDirectory(Path.Combine(_folder.Root, "src", "empty"));
        var yaml = SpecFolder.ValidYaml + SpecFolder.SourcesYaml;
        var before = ImageSpecLoader.Load(_folder.WriteSpec(yaml, "before.yaml"));
        Assert.Equal(3, Assert.Single(before.Sources).Files().Count);
        File.CreateSymbolicLink(Path.Combine(_folder.Root, "src", "greeting", "link.txt"), "message.txt");

        var missing = Assert.Throws<ConfigException>(() => ImageSpecLoader.Load(_folder.WriteSpec(yaml.Replace("src/greeting", "src/missing"), "missing.yaml")));
        var empty = Assert.Throws<ConfigException>(() => ImageSpecLoader.Load(_folder.WriteSpec(yaml.Replace("src/greeting", "src/empty"), "empty.yaml")));
        var link = Assert.Throws<ConfigException>(() => ImageSpecLoader.Load(_folder.WriteSpec(yaml, "link.yaml")));

        var at = "15:13: key 'sources[].source': ";
        Assert.Equal($"{_folder.Root}/missing.yaml:{at}'{_folder.Root}/src/missing' does not exist; paths are relative to the spec's folder", missing.Message);
        Assert.Equal($"{_folder.Root}/empty.yaml:{at}'{_folder.Root}/src/empty' holds no files; a source copies files into the image", empty.Message);
        Assert.Equal(
            $"{_folder.Root}/link.yaml:{at}'{_folder.Root}/src/greeting/link.txt' is a symbolic link; sources hold only files and folders (put a copy of what it points to there)",
            link.Message);
    }
}
