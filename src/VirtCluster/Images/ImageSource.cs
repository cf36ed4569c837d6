namespace VirtCluster.Images;

/// <summary>
/// A file or a folder of the build machine copied into the image after the packages and before the build steps
/// (see <see cref="ImageBuildStep"/>), owned by root. Like git, a file keeps only whether it is executable: it lands
/// as 0755 or 0644, so the umask of the checkout does not matter. Its files' paths, modes and bytes are part of the
/// image's cache key, so editing a source builds a new image and an unchanged tree reuses the cached one.
/// </summary>
/// <param name="Source">Absolute path on the build machine.</param>
/// <param name="RelativeSource">The path as written in the spec, relative to the spec's folder; used in the cache key so that moving the checkout does not rebuild.</param>
/// <param name="Target">Absolute path inside the guest: where the file goes, or the folder that receives the folder's contents.</param>
public sealed record ImageSource(string Source, string RelativeSource, string Target)
{
    /// <summary>0755, for a file its owner may execute.</summary>
    public const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>0644, for any other file.</summary>
    public const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static readonly EnumerationOptions OneLevelWithHiddenFiles = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    /// <summary>The regular files it copies, ordered by their relative paths; a folder's are found in all its subfolders.</summary>
    /// <exception cref="InvalidOperationException">It holds something other than files and folders (a symbolic link), or no file at all.</exception>
    public IReadOnlyList<ImageSourceFile> Files()
    {
        var files = new List<ImageSourceFile>();
        if (Directory.Exists(Source) && new DirectoryInfo(Source).LinkTarget is null)
        {
            AddFolder(new DirectoryInfo(Source), files);
        }
        else
        {
            files.Add(FileOf(new FileInfo(Source), "."));
        }

        if (files.Count == 0)
        {
            throw new InvalidOperationException($"'{Source}' holds no files; a source copies files into the image");
        }

        return files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
    }

    private void AddFolder(DirectoryInfo folder, List<ImageSourceFile> files)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos("*", OneLevelWithHiddenFiles))
        {
            if (entry.LinkTarget is null && entry is DirectoryInfo subfolder)
            {
                AddFolder(subfolder, files);
            }
            else
            {
                files.Add(FileOf(entry, Path.GetRelativePath(Source, entry.FullName)));
            }
        }
    }

    private ImageSourceFile FileOf(FileSystemInfo entry, string relativePath)
    {
        if (entry.LinkTarget is not null)
        {
            throw new InvalidOperationException(
                $"'{entry.FullName}' is a symbolic link; sources hold only files and folders (put a copy of what it points to there)");
        }

        var target = relativePath == "." ? Target : Target + "/" + relativePath;
        var mode = entry.UnixFileMode.HasFlag(UnixFileMode.UserExecute) ? Executable : Readable;
        return new ImageSourceFile(entry.FullName, relativePath, target, mode);
    }
}

/// <summary>One regular file a source copies.</summary>
/// <param name="Path">Absolute path on the build machine.</param>
/// <param name="RelativePath">Path inside the source folder; <c>.</c> when the source is this one file.</param>
/// <param name="Target">Absolute path inside the guest.</param>
/// <param name="Mode">Permission bits in the image: <see cref="ImageSource.Executable"/> or <see cref="ImageSource.Readable"/>.</param>
public sealed record ImageSourceFile(string Path, string RelativePath, string Target, UnixFileMode Mode);
