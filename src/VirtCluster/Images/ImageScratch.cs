using System.Globalization;
using VirtCluster.Linux;

namespace VirtCluster.Images;

/// <summary>
/// Where an image build writes what it throws away: the root folder mmdebstrap fills and the raw ext4
/// file that is converted to qcow2. In memory (a tmpfs) when the worst case fits in the memory available,
/// because on a busy disk these cost most of a build: dpkg syncs each of ~19,000 files, and deleting the
/// root folder afterwards took 30-40 s on its own. Otherwise a plain folder next to the build's output.
/// Both places give the same image bytes. Disposing detaches the tmpfs (or deletes the folder).
/// </summary>
internal sealed class ImageScratch : IDisposable
{
    /// <summary>
    /// Room for the package lists and downloaded packages that sit in the root folder while it is built,
    /// on top of the root folder and the raw file, each of which is at most the image size.
    /// </summary>
    private const long Headroom = 512L << 20;

    private ImageScratch(string path, bool inMemory)
    {
        Path = path;
        InMemory = inMemory;
    }

    public string Path { get; }

    /// <summary>True when the scratch is a tmpfs; decides whether dpkg's syncs are worth removing (see <see cref="MmdebstrapArguments"/>).</summary>
    public bool InMemory { get; }

    /// <summary>The root folder mmdebstrap builds.</summary>
    public string Rootfs => System.IO.Path.Combine(Path, "rootfs");

    /// <summary>The raw ext4 file written from <see cref="Rootfs"/>.</summary>
    public string RawImage => System.IO.Path.Combine(Path, "image.raw");

    /// <summary>
    /// The most a successful build can write into the scratch for an image of <paramref name="imageSizeBytes"/>:
    /// the root folder and the raw file (each no larger than the image) plus the headroom. It is the tmpfs's
    /// size limit, so a runaway build fails with "No space left on device" instead of eating the host's memory.
    /// </summary>
    public static long WorstCaseBytes(long imageSizeBytes) => (2 * imageSizeBytes) + Headroom;

    /// <summary>
    /// Creates the scratch at <paramref name="path"/>: a tmpfs when <paramref name="allowMemory"/>, the worst
    /// case fits in <paramref name="availableMemoryBytes"/> (MemAvailable when not given) and mounting works;
    /// else a folder.
    /// </summary>
    public static ImageScratch Create(string path, long imageSizeBytes, bool allowMemory, long? availableMemoryBytes = null)
    {
        Posix.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var worstCase = WorstCaseBytes(imageSizeBytes);
        if (!allowMemory || worstCase > (availableMemoryBytes ?? AvailableMemoryBytes()))
        {
            return new ImageScratch(path, inMemory: false);
        }

        try
        {
            // mode 0700 like the build folder; mmdebstrap creates the root folder inside with its own mode.
            Posix.MountTmpfs(path, string.Create(CultureInfo.InvariantCulture, $"mode=0700,size={worstCase >> 20}m"));
            return new ImageScratch(path, inMemory: true);
        }
        catch (IOException)
        {
            // Not allowed to mount here (e.g. a container without CAP_SYS_ADMIN): the disk is slower, not wrong.
            return new ImageScratch(path, inMemory: false);
        }
    }

    /// <summary>MemAvailable from /proc/meminfo: what can be used without pushing other programs out of memory.</summary>
    public static long AvailableMemoryBytes()
    {
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kib is null ? 0 : long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
    }

    public void Dispose() => SafeFolder.Delete(Path);
}
