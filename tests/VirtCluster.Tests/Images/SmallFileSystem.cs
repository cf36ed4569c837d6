using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Images;

/// <summary>
/// A tmpfs of a fixed size mounted on a fresh temporary folder, so that a test can fill a real file
/// system; unmounted (lazily if it is still busy) and its folder deleted on dispose. Needs root.
/// </summary>
internal sealed class SmallFileSystem : IDisposable
{
    public SmallFileSystem(string size)
    {
        Path = Directory.CreateTempSubdirectory("vc-small-").FullName;
        var (exitCode, output) = ProgramRun.Run("mount", "-t", "tmpfs", "-o", $"size={size},mode=0700", "tmpfs", Path);
        if (exitCode != 0)
        {
            Directory.Delete(Path);
            throw new InvalidOperationException($"cannot mount a {size} tmpfs on '{Path}' (needs root): {output}");
        }
    }

    public string Path { get; }

    /// <summary>Bytes in use on the file system; files still held open after being deleted count too.</summary>
    public long UsedBytes
    {
        get
        {
            var drive = new DriveInfo(Path);
            return drive.TotalSize - drive.TotalFreeSpace;
        }
    }

    public void Dispose()
    {
        if (ProgramRun.Run("umount", Path).ExitCode != 0)
        {
            _ = ProgramRun.Run("umount", "-l", Path);
        }

        // Not recursive: once unmounted the folder is empty, and a folder that is somehow still mounted
        // must never be emptied through whatever is mounted below it.
        Directory.Delete(Path);
    }
}
