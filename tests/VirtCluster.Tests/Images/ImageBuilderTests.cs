using VirtCluster.Images;

namespace VirtCluster.Tests.Images;

/// <summary>
/// Builds with the real mmdebstrap against this machine's apt sources. Mostly failing and cancelled builds
/// run here, each checking that the cache is left without an entry or a build folder; one small image with
/// a kernel and build steps is built in full to check what the steps made and its initrd.
/// </summary>
public sealed class ImageBuilderTests : IDisposable
{
    private readonly SpecFolder _folder = new();
    private readonly string _cacheRoot = Directory.CreateTempSubdirectory("vc-cache-").FullName;

    public void Dispose()
    {
        _folder.Dispose();
        Directory.Delete(_cacheRoot, recursive: true);
    }

    private ImageSpec Spec(string yaml) => ImageSpecLoader.Load(_folder.WriteSpec(yaml));

    private void AssertCacheIsEmpty()
    {
        Assert.Empty(new ImageCache(_cacheRoot).Keys());
        Assert.Empty(Directory.Exists(_cacheRoot) ? Directory.GetFileSystemEntries(_cacheRoot) : []);
        Assert.DoesNotContain(File.ReadAllLines("/proc/self/mountinfo"), l => l.Contains(_cacheRoot, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABuildThatFailsOnAMissingPackageLeavesNoCacheEntry()
    {
        var spec = Spec(SpecFolder.ValidYaml.Replace("  - iproute2", "  - virtcluster-no-such-package"));
        var lines = new List<string>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new ImageBuilder(new ImageCache(_cacheRoot)).BuildAsync(spec, new SynchronousProgress(lines.Add), CancellationToken.None));

        Assert.Contains("mmdebstrap", error.Message);
        Assert.Contains("virtcluster-no-such-package", error.Message);
        Assert.Contains(lines, l => l.StartsWith("tiny: installing 2 packages on Debian bookworm", StringComparison.Ordinal));
        AssertCacheIsEmpty();
    }

    [Fact]
    public async Task ACancelledBuildStopsMmdebstrapAndLeavesNoCacheEntry()
    {
        var spec = Spec(SpecFolder.ValidYaml);
        using var cancel = new CancellationTokenSource();
        List<string> whileRunning = [];
        var progress = new SynchronousProgress(line =>
        {
            if (line.Contains("running apt-get update", StringComparison.Ordinal))
            {
                whileRunning = ProcessesMentioning(_cacheRoot);
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ImageBuilder(new ImageCache(_cacheRoot)).BuildAsync(spec, progress, cancel.Token));

        AssertCacheIsEmpty();
        Assert.Contains(whileRunning, p => p.Contains("mmdebstrap", StringComparison.Ordinal)); // the same check saw it running
        Assert.Empty(ProcessesMentioning(_cacheRoot));
    }

    [Fact]
    public async Task ABuildThatRunsOutOfDiskFailsNamingTheStepAndLeavesNothing()
    {
        // Built on disk (not in memory), mmdebstrap writes everything below its target (it points TMPDIR
        // into the new root). The package lists take about 120 MiB and the downloaded packages 30 MiB more,
        // so 220 MiB fills up half way through unpacking them: a half-written root file system that has to go.
        using var disk = new SmallFileSystem("220m");
        var spec = Spec(SpecFolder.ValidYaml);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new ImageBuilder(new ImageCache(disk.Path), scratchInMemory: false).BuildAsync(spec, null, CancellationToken.None));

        Assert.StartsWith("tiny: installing 2 packages on Debian bookworm (minbase) failed: 'mmdebstrap' failed", error.Message);
        Assert.Contains("No space left on device", error.Message);
        Assert.Empty(new ImageCache(disk.Path).Keys());
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
        Assert.Equal(0, disk.UsedBytes);
        // The tmpfs itself is mounted at the cache root; nothing mmdebstrap mounted may stay below it.
        Assert.DoesNotContain(File.ReadAllLines("/proc/self/mountinfo"), l => l.Contains(disk.Path + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACompleteEntryIsReusedWithoutBuilding()
    {
        var spec = Spec(SpecFolder.ValidYaml);
        var builder = new ImageBuilder(new ImageCache(_cacheRoot));
        var entry = Directory.CreateDirectory(Path.Combine(_cacheRoot, builder.KeyFor(spec))).FullName;
        new ImageManifest("tiny", builder.KeyFor(spec), "bookworm", "6.1.0-test-amd64", ["console=ttyS0"], 1L << 30,
            DateTimeOffset.UnixEpoch, 1).Write(Path.Combine(entry, ImageManifest.FileName));
        var lines = new List<string>();

        var image = await builder.BuildAsync(spec, new SynchronousProgress(lines.Add), CancellationToken.None);

        Assert.True(image.FromCache);
        Assert.Equal(Path.Combine(entry, "image.qcow2"), image.DiskPath);
        Assert.Equal("6.1.0-test-amd64", image.Manifest.KernelVersion);
        Assert.Equal([$"tiny: cached at {entry}"], lines);
    }

    [Fact]
    public async Task ABuildFolderOfADeadProcessIsRemovedAndNeverTakenForAnEntry()
    {
        var abandoned = Directory.CreateDirectory(Path.Combine(_cacheRoot, ".build-0123-999999999")).FullName;
        File.WriteAllText(Path.Combine(abandoned, "image.raw"), "half written");
        // A build killed with SIGKILL leaves its in-memory scratch mounted.
        var scratch = ImageScratch.Create(Path.Combine(abandoned, "scratch"), 512L << 20, allowMemory: true, availableMemoryBytes: 64L << 30);
        var spec = Spec(SpecFolder.ValidYaml.Replace("  - iproute2", "  - virtcluster-no-such-package"));

        Assert.True(scratch.InMemory);
        Assert.Empty(new ImageCache(_cacheRoot).Keys());
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new ImageBuilder(new ImageCache(_cacheRoot)).BuildAsync(spec, null, CancellationToken.None));

        Assert.False(Directory.Exists(abandoned));
        Assert.False(SafeFolder.IsMountPoint(scratch.Path));
    }

    [Fact]
    public async Task AKernelImageWithBuildStepsHoldsWhatTheyMadeAndOneInitrdWithOnlyTheListedModules()
    {
        _folder.WriteSources();
        var spec = Spec(SpecFolder.ValidYaml.Replace("  - iproute2", "  - iproute2\n  - linux-image-amd64\n  - initramfs-tools")
            + SpecFolder.SourcesYaml + "\ninitrdModules: [virtio_pci, virtio_blk, ext4]\n");
        var lines = new List<string>();

        var image = await new ImageBuilder(new ImageCache(_cacheRoot)).BuildAsync(spec, new SynchronousProgress(lines.Add), CancellationToken.None);

        Assert.Contains("tiny: building in memory (tmpfs of at most 2560M)", lines);
        // The sources went in after the packages, then each step ran inside the image's root, in order, its output shown.
        var order = new[] { "tiny: installing 4 packages", "tiny: copying 1 sources: done", "tiny: build step 'greet' (1 of 2) ...",
            "  building the greeting in /usr/local/src/greeting", "tiny: build step 'greet' (1 of 2): done", "tiny: build step 'check' (2 of 2): done",
            "tiny: customising the root file system ..." };
        var positions = order.Select(start => lines.FindIndex(l => l.StartsWith(start, StringComparison.Ordinal))).ToList();
        Assert.True(!positions.Contains(-1) && positions.SequenceEqual(positions.Order()), string.Join('\n', lines));
        // The listed modules, what they depend on, and what initramfs-tools' own hooks always add (fan, psmouse).
        Assert.Equal(
            "crc16 crc32c-intel crc32c_generic ext4 fan jbd2 mbcache psmouse virtio virtio_blk virtio_pci virtio_pci_legacy_dev virtio_pci_modern_dev virtio_ring",
            string.Join(' ', InitrdArchive.Names(image.InitrdPath).Where(n => n.EndsWith(".ko", StringComparison.Ordinal))
                .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)));
        using var raw = new RawCopy(image.DiskPath);
        Assert.StartsWith("hello from the sources, built in /usr/local/src/greeting with HOME=/root\n", raw.Cat("/usr/local/share/greeting.txt"));
        Assert.StartsWith("greeting=hello\n", raw.Cat("/usr/local/src/greeting/lib/.defaults"));
        Assert.False(File.Exists("/usr/local/share/greeting.txt"), "the build step wrote to this machine instead of the image");
        Assert.DoesNotContain("update-initramfs", raw.Cat("/var/lib/dpkg/diversions"));
        Assert.StartsWith("#!/bin/sh\n\nBOOTDIR=/boot\n", raw.Cat("/usr/sbin/update-initramfs"));
        Assert.Equal([image.Manifest.CacheKey], new ImageCache(_cacheRoot).Keys());
        Assert.Equal([image.Directory], Directory.GetFileSystemEntries(_cacheRoot));
        Assert.DoesNotContain(File.ReadAllLines("/proc/self/mountinfo"), l => l.Contains(_cacheRoot, StringComparison.Ordinal));
    }

    /// <summary>Processes whose command line names <paramref name="path"/>, as <c>pgrep -a -f</c> lists them (pid and command line).</summary>
    private static List<string> ProcessesMentioning(string path)
    {
        var (exitCode, output) = VirtCluster.Tests.Support.ProgramRun.Run("pgrep", "-a", "-f", "--", path);
        Assert.True(exitCode is 0 or 1, $"pgrep failed ({exitCode}): {output}"); // 1 is pgrep's "none found"
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
