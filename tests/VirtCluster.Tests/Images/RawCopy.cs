using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Images;

/// <summary>
/// A raw copy of a built qcow2 disk in a temporary folder, so that a test can read files of the image's
/// ext4 file system with debugfs without mounting or booting it; deleted on dispose.
/// </summary>
internal sealed class RawCopy : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vc-raw-").FullName;

    public RawCopy(string qcow2)
    {
        Path = System.IO.Path.Combine(_folder, "disk.raw");
        var (exitCode, output) = ProgramRun.Run("qemu-img", "convert", "-f", "qcow2", "-O", "raw", qcow2, Path);
        if (exitCode != 0)
        {
            Directory.Delete(_folder, recursive: true);
            throw new InvalidOperationException($"qemu-img could not convert '{qcow2}': {output}");
        }
    }

    public string Path { get; }

    /// <summary>The contents of <paramref name="file"/> in the image (debugfs's banner, on stderr, follows them).</summary>
    public string Cat(string file) => ProgramRun.Run("debugfs", "-R", $"cat {file}", Path).Output;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
