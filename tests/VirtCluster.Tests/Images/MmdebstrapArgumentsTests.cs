using VirtCluster.Images;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Images;

/// <summary>
/// Pins the mmdebstrap command line, hooks included: each part changes the image or the build time, and a
/// change here that alters the image must come with a new cache recipe version.
/// </summary>
public sealed class MmdebstrapArgumentsTests : IDisposable
{
    private const string Defer =
        "--essential-hook=chroot \"$1\" dpkg-divert --quiet --local --rename --divert /usr/sbin/update-initramfs.virtcluster --add /usr/sbin/update-initramfs"
        + " && printf '#!/bin/sh\\nexit 0\\n' > \"$1/usr/sbin/update-initramfs\" && chmod 0755 \"$1/usr/sbin/update-initramfs\"";

    private const string Restore =
        "rm \"$1/usr/sbin/update-initramfs\" && chroot \"$1\" dpkg-divert --quiet --local --rename --remove /usr/sbin/update-initramfs";

    private readonly SpecFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ImageSpec Spec(string yaml) => ImageSpecLoader.Load(_folder.WriteSpec(yaml));

    [Fact]
    public void InMemoryTheInitrdIsMadeOnceAtTheEndWithDebiansDefaultModules()
    {
        var arguments = MmdebstrapArguments.For(Spec(SpecFolder.ValidYaml), "/build/rootfs", "/etc/apt/sources.list.d/debian.sources", rootfsInMemory: true);

        Assert.Equal(
            [
                "--variant=minbase",
                "--include=openssh-server,iproute2",
                Defer,
                $"--customize-hook={Restore} && if [ -x \"$1/usr/sbin/update-initramfs\" ]; then chroot \"$1\" update-initramfs -c -k all; fi",
                "bookworm",
                "/build/rootfs",
                "/etc/apt/sources.list.d/debian.sources",
            ],
            arguments);
    }

    [Fact]
    public void OnDiskDpkgRunsUnderEatmydataFirst()
    {
        var arguments = MmdebstrapArguments.For(Spec(SpecFolder.ValidYaml), "/build/rootfs", "/sources", rootfsInMemory: false);

        Assert.Equal("--hook-dir=/usr/share/mmdebstrap/hooks/eatmydata", arguments[2]);
        Assert.Equal(Defer, arguments[3]);
        Assert.Equal(8, arguments.Count);
    }

    [Fact]
    public void ListedInitrdModulesAreTheOnlyOnesTheInitrdCarries()
    {
        var spec = Spec(SpecFolder.ValidYaml + "\ninitrdModules: [virtio_pci, virtio_blk, ext4]\n");

        var customize = MmdebstrapArguments.For(spec, "/build/rootfs", "/sources", rootfsInMemory: true)[3];

        Assert.Equal(
            $"--customize-hook={Restore} && if [ -x \"$1/usr/sbin/update-initramfs\" ]; then"
            + " printf 'MODULES=list\\n' > \"$1/etc/initramfs-tools/conf.d/virtcluster\""
            + " && printf '%s\\n' virtio_pci virtio_blk ext4 >> \"$1/etc/initramfs-tools/modules\""
            + " && chroot \"$1\" update-initramfs -c -k all;"
            + " else echo 'initrdModules needs initramfs-tools in the image (add it to packages)' >&2; exit 1; fi",
            customize);
    }

    [Fact]
    public void TheShippedNodeSpecListsWhatItsRootDiskNeeds()
    {
        var spec = ImageSpecLoader.Load(Path.Combine(TestPaths.RepoRoot, "images", "hpc-node.yaml"));

        Assert.Equal(["virtio_pci", "virtio_blk", "ext4"], spec.InitrdModules);
        Assert.Contains("root=/dev/vda", spec.KernelArgs);
        Assert.Contains("initramfs-tools", spec.Packages);
    }
}
