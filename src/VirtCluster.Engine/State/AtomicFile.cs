using System.Text;
using VirtCluster.Engine.Interop;

namespace VirtCluster.Engine.State;

/// <summary>Replaces a file so that a crash leaves either the old or the new content, never a mix.</summary>
public static class AtomicFile
{
    /// <summary>Temp file beside the target, fsync, rename over the target, fsync the directory.</summary>
    public static void Write(string path, string content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // State records hosts, addresses and (encrypted) secrets: owner only, like the log file.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(content));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        Libc.FsyncDirectory(directory);
    }
}
