using System.Text;
using VirtCluster.Engine.Interop;

namespace VirtCluster.Engine.IO;

/// <summary>
/// The one way files that matter are written (state checkpoints, stack files, keys, known hosts, results): a
/// reader, or a crash, sees the old content or the new, never half of it, and a file that must stay private is
/// never readable by others, not even between its creation and a chmod.
/// </summary>
public static class AtomicFile
{
    /// <summary>Mode 0600: state, keys, pinned host keys.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Mode 0644: files a user shares or reads with other tools (stack files, results).</summary>
    public const UnixFileMode Readable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <inheritdoc cref="Write(string, ReadOnlySpan{byte}, UnixFileMode, bool)"/>
    public static void Write(string path, string content, UnixFileMode mode = OwnerOnly, bool keepExistingMode = false) =>
        Write(path, Encoding.UTF8.GetBytes(content), mode, keepExistingMode);

    /// <summary>
    /// Writes a temporary file beside <paramref name="path"/> (created with its final mode), flushes it to disk,
    /// renames it over the target and makes the rename durable (fsync of the folder). The folder is created if
    /// needed; the temporary file is removed if anything fails.
    /// </summary>
    /// <param name="path">The file to replace or create.</param>
    /// <param name="content">The whole new content.</param>
    /// <param name="mode">The file's mode; set explicitly, since the umask may have removed bits.</param>
    /// <param name="keepExistingMode">Keep the mode of a file being replaced (a user's chmod of a stack file stays).</param>
    public static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode = OwnerOnly, bool keepExistingMode = false)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            mode = keepExistingMode && File.Exists(full) ? File.GetUnixFileMode(full) : mode;
            options.UnixCreateMode = mode;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, mode);
            }

            File.Move(temporary, full, overwrite: true);
            Libc.FsyncDirectory(directory);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
