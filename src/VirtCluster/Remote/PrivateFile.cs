namespace VirtCluster.Remote;

/// <summary>
/// Writes files only their owner may read (mode 0600), atomically: keys and pinned host keys must never be
/// readable by others, not even for the moment between creating and chmod-ing a file, and a crash must not
/// leave half a file.
/// </summary>
internal static class PrivateFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Private files rely on POSIX file modes.");
        }

        var full = Path.GetFullPath(path);
        var temporary = $"{full}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly };
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            // The umask may have removed bits, never added any; set the mode explicitly all the same.
            File.SetUnixFileMode(temporary, OwnerOnly);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
