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
}
