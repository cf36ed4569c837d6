using System.Diagnostics;
using System.Globalization;
using VirtCluster.Linux;

namespace VirtCluster.Images;

/// <summary>
/// Builds node images: mmdebstrap from the machine's apt sources into a root folder, build the spec's sources
/// in it (see <see cref="RootfsBuild"/>), customise it (files, units, no host keys), write it into an ext4 file system, convert that to qcow2 and keep the
/// guest kernel and initrd beside it for direct kernel boot. Needs root (mmdebstrap and mkfs keep file
/// ownership); everything happens in a private build folder that is published atomically or removed.
/// </summary>
public sealed class ImageBuilder
{
    /// <summary>Where Debian keeps the machine's apt sources in deb822 form.</summary>
    public const string DefaultAptSources = "/etc/apt/sources.list.d/debian.sources";

    private readonly ImageCache _cache;
    private readonly string _aptSources;
    private readonly bool _scratchInMemory;

    /// <param name="cache">Where built images are kept.</param>
    /// <param name="aptSources">The apt sources (deb822) the packages come from.</param>
    /// <param name="scratchInMemory">
    /// Whether the root folder and raw file may live in a tmpfs when memory allows (see <see cref="ImageScratch"/>);
    /// false keeps them on the cache's disk, e.g. to see a build fill that disk.
    /// </param>
    public ImageBuilder(ImageCache cache, string aptSources = DefaultAptSources, bool scratchInMemory = true)
    {
        _cache = cache;
        _aptSources = Path.GetFullPath(aptSources);
        _scratchInMemory = scratchInMemory;
    }

    /// <summary>The cache key <paramref name="spec"/> builds to with this machine's apt sources.</summary>
    public string KeyFor(ImageSpec spec) => ImageCacheKey.Compute(spec, ReadAptSources());

    /// <summary>
    /// Returns the cached image for <paramref name="spec"/>, building it first when absent. Progress lines
    /// describe each long step; cancelling stops the running tool and removes the build folder.
    /// </summary>
    public async Task<BuiltImage> BuildAsync(ImageSpec spec, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var key = KeyFor(spec);
        if (_cache.TryGet(key) is { } cached)
        {
            progress?.Report($"{spec.Name}: cached at {cached.Directory}");
            return cached;
        }

        if (!Posix.IsRoot)
        {
            throw new InvalidOperationException(
                $"building image '{spec.Name}' needs root (mmdebstrap and mkfs.ext4 keep file ownership); run the build with sudo");
        }

        _cache.RemoveAbandonedBuilds();
        var clock = Stopwatch.StartNew();
        var buildDirectory = _cache.CreateBuildDirectory(key);
        try
        {
            var kernelVersion = "";
            using (var scratch = ImageScratch.Create(Path.Combine(buildDirectory, "scratch"), spec.SizeBytes, _scratchInMemory))
            {
                progress?.Report(scratch.InMemory
                    ? $"{spec.Name}: building in memory (tmpfs of at most {FormatSize(ImageScratch.WorstCaseBytes(spec.SizeBytes))})"
                    : $"{spec.Name}: building on disk in {buildDirectory}");
                var rootfs = scratch.Rootfs;
                await Step(progress, $"{spec.Name}: installing {spec.Packages.Count} packages on Debian {spec.Suite} ({spec.Variant})", clock,
                    () => Bootstrap(spec, rootfs, scratch.InMemory, progress, cancellationToken)).ConfigureAwait(false);
                await BuildInRootfs(spec, rootfs, progress, clock, cancellationToken).ConfigureAwait(false);
                await Step(progress, $"{spec.Name}: customising the root file system", clock,
                    () => RootfsCustomizer.ApplyAsync(spec, rootfs, cancellationToken)).ConfigureAwait(false);
                await Step(progress, $"{spec.Name}: copying the kernel and initrd for direct boot", clock, () =>
                {
                    kernelVersion = CopyBootFiles(rootfs, buildDirectory);
                    return Task.CompletedTask;
                }).ConfigureAwait(false);
                await Step(progress, $"{spec.Name}: writing a {FormatSize(spec.SizeBytes)} ext4 file system", clock,
                    () => HostCommand.RunCheckedAsync("mkfs.ext4",
                        ["-q", "-F", "-L", "root", "-d", rootfs, scratch.RawImage, $"{spec.SizeBytes / 1024}k"], null, cancellationToken)).ConfigureAwait(false);
                await Step(progress, $"{spec.Name}: converting to qcow2", clock,
                    () => HostCommand.RunCheckedAsync("qemu-img",
                        ["convert", "-f", "raw", "-O", "qcow2", scratch.RawImage, Path.Combine(buildDirectory, BuiltImage.DiskFileName)], null, cancellationToken)).ConfigureAwait(false);
                await Step(progress, $"{spec.Name}: removing the scratch files", clock, () =>
                {
                    scratch.Dispose();
                    return Task.CompletedTask;
                }).ConfigureAwait(false);
            }

            var manifest = new ImageManifest(spec.Name, key, spec.Suite, kernelVersion, spec.KernelArgs, spec.SizeBytes,
                DateTimeOffset.UtcNow, Math.Round(clock.Elapsed.TotalSeconds, 1));
            var built = _cache.Commit(buildDirectory, key, manifest);
            progress?.Report($"{spec.Name}: built in {clock.Elapsed.TotalSeconds:F0} s at {built.Directory}");
            return built with { FromCache = false };
        }
        catch
        {
            SafeFolder.Delete(buildDirectory);
            throw;
        }
    }

    private string ReadAptSources() =>
        File.Exists(_aptSources)
            ? File.ReadAllText(_aptSources)
            : throw new InvalidOperationException($"apt sources '{_aptSources}' not found; images are built from this machine's Debian mirrors");

    private Task Bootstrap(ImageSpec spec, string rootfs, bool inMemory, IProgress<string>? progress, CancellationToken cancellationToken) =>
        HostCommand.RunCheckedAsync("mmdebstrap",
            MmdebstrapArguments.For(spec, rootfs, _aptSources, inMemory),
            progress is null ? null : new SynchronousProgress(line => progress.Report($"  {line}")),
            cancellationToken);

    /// <summary>Copies the spec's sources into the root file system and runs its build steps there, in order.</summary>
    private static async Task BuildInRootfs(ImageSpec spec, string rootfs, IProgress<string>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        if (spec.Sources.Count > 0)
        {
            await Step(progress, $"{spec.Name}: copying {spec.Sources.Count} sources", clock, () =>
            {
                RootfsBuild.CopySources(spec.Sources, rootfs);
                return Task.CompletedTask;
            }).ConfigureAwait(false);
        }

        var lines = progress is null ? null : new SynchronousProgress(line => progress.Report($"  {line}"));
        for (var k = 0; k < spec.Build.Count; k++)
        {
            var step = spec.Build[k];
            await Step(progress, $"{spec.Name}: build step '{step.Name}' ({k + 1} of {spec.Build.Count})", clock,
                () => RootfsBuild.RunAsync(step, rootfs, lines, cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>Copies the one installed kernel and its initrd next to the disk; returns the kernel release.</summary>
    private static string CopyBootFiles(string rootfs, string buildDirectory)
    {
        var boot = Path.Combine(rootfs, "boot");
        var kernels = Directory.Exists(boot) ? Directory.GetFiles(boot, "vmlinuz-*") : [];
        if (kernels.Length != 1)
        {
            throw new InvalidOperationException(
                $"expected exactly one kernel in the image's /boot, found {kernels.Length}; list one kernel package (e.g. linux-image-amd64) in 'packages'");
        }

        var release = Path.GetFileName(kernels[0])["vmlinuz-".Length..];
        var initrd = Path.Combine(boot, "initrd.img-" + release);
        if (!File.Exists(initrd))
        {
            throw new InvalidOperationException($"no initrd for kernel {release} in the image's /boot; add initramfs-tools to 'packages'");
        }

        File.Copy(kernels[0], Path.Combine(buildDirectory, BuiltImage.KernelFileName));
        File.Copy(initrd, Path.Combine(buildDirectory, BuiltImage.InitrdFileName));
        return release;
    }

    /// <summary>
    /// Runs one step of the build; a failure names the step (cancellation passes through unchanged), so
    /// that an error such as a full disk says which part of the build it stopped.
    /// </summary>
    private static async Task Step(IProgress<string>? progress, string description, Stopwatch clock, Func<Task> action)
    {
        var started = clock.Elapsed;
        progress?.Report(description + " ...");
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{description} failed: {e.Message}", e);
        }

        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{description}: done in {(clock.Elapsed - started).TotalSeconds:F1} s"));
    }

    private static string FormatSize(long bytes) =>
        bytes % (1L << 30) == 0 ? $"{bytes >> 30}G" : $"{bytes >> 20}M";
}
