using VirtCluster.Linux;

namespace VirtCluster.Images;

/// <summary>
/// Content-addressed store of built images: <c>ROOT/KEY/</c> holds image.qcow2, vmlinuz, initrd.img and
/// manifest.json. Builds happen in <c>ROOT/.build-KEY-PID/</c> and become visible with one rename, so
/// readers only ever see complete entries, and a build that failed or was killed leaves no entry.
/// </summary>
public sealed class ImageCache
{
    private const string BuildPrefix = ".build-";

    public ImageCache(string root)
    {
        Root = Path.GetFullPath(root);
    }

    /// <summary><c>$XDG_CACHE_HOME/virtcluster/images</c>, else <c>~/.cache/virtcluster/images</c>.</summary>
    public static string DefaultRoot
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var baseDir = string.IsNullOrEmpty(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return Path.Combine(baseDir, "virtcluster", "images");
        }
    }

    public string Root { get; }

    /// <summary>The complete entry for <paramref name="key"/>, or null when it has to be built.</summary>
    public BuiltImage? TryGet(string key)
    {
        var directory = Path.Combine(Root, key);
        var manifest = Path.Combine(directory, ImageManifest.FileName);
        return File.Exists(manifest) ? new BuiltImage(directory, ImageManifest.Read(manifest), FromCache: true) : null;
    }

    /// <summary>Keys of the complete entries (build folders in progress are not entries).</summary>
    public IReadOnlyList<string> Keys() =>
        Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => !name.StartsWith(BuildPrefix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>A fresh private folder to build <paramref name="key"/> in.</summary>
    internal string CreateBuildDirectory(string key)
    {
        Directory.CreateDirectory(Root);
        var directory = Path.Combine(Root, $"{BuildPrefix}{key}-{Environment.ProcessId}");
        SafeFolder.Delete(directory);
        Posix.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return directory;
    }

    /// <summary>
    /// Publishes a finished build with one rename. If another process published the same key first,
    /// its entry wins (same key, same contents) and this build folder is discarded.
    /// </summary>
    internal BuiltImage Commit(string buildDirectory, string key, ImageManifest manifest)
    {
        manifest.Write(Path.Combine(buildDirectory, ImageManifest.FileName));
        var target = Path.Combine(Root, key);
        try
        {
            Directory.Move(buildDirectory, target);
        }
        catch (IOException) when (TryGet(key) is not null)
        {
            SafeFolder.Delete(buildDirectory);
        }

        return TryGet(key) ?? throw new InvalidOperationException($"image entry '{target}' vanished right after it was written");
    }

    /// <summary>Deletes build folders whose process is gone (a build killed with SIGKILL or a power cut).</summary>
    internal void RemoveAbandonedBuilds()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var directory in Directory.GetDirectories(Root, BuildPrefix + "*"))
        {
            var pidText = directory[(directory.LastIndexOf('-') + 1)..];
            if (int.TryParse(pidText, out var pid) && !Directory.Exists($"/proc/{pid}"))
            {
                SafeFolder.Delete(directory);
            }
        }
    }
}
