using System.Text;
using VirtCluster.Linux;

namespace VirtCluster.Images;

/// <summary>
/// Removes a folder that may hold a root file system or a daemon's state. An interrupted mmdebstrap
/// can leave /proc, /sys or /dev bind-mounted inside the root file system; deleting recursively through
/// such a mount would delete the host's own files, so every mount below the folder is detached first
/// and deletion is refused if one remains. A folder that is itself a mount point (the image builder's
/// in-memory scratch) is detached too, which frees its contents at once instead of file by file.
/// </summary>
internal static class SafeFolder
{
    public static void Delete(string directory)
    {
        var root = Path.GetFullPath(directory).TrimEnd('/');
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var mountPoint in MountsAtOrBelow(root).OrderByDescending(m => m.Length))
        {
            _ = Posix.Umount2(mountPoint, Posix.MntDetach);
        }

        var remaining = MountsAtOrBelow(root);
        if (remaining.Count > 0)
        {
            throw new InvalidOperationException(
                $"'{root}' still has mounts below it ({string.Join(", ", remaining)}); unmount them, then delete the folder");
        }

        Directory.Delete(root, recursive: true);
    }

    /// <summary>Mount points strictly below <paramref name="root"/>, from /proc/self/mountinfo.</summary>
    public static List<string> MountsBelow(string root) =>
        MountPoints().Where(m => m.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal)).ToList();

    /// <summary>Whether something is mounted on <paramref name="path"/> itself.</summary>
    public static bool IsMountPoint(string path) =>
        MountPoints().Contains(Path.GetFullPath(path).TrimEnd('/'), StringComparer.Ordinal);

    private static List<string> MountsAtOrBelow(string root) =>
        IsMountPoint(root) ? [root, .. MountsBelow(root)] : MountsBelow(root);

    private static IEnumerable<string> MountPoints()
    {
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            var fields = line.Split(' ');
            if (fields.Length > 4)
            {
                yield return Unescape(fields[4]);
            }
        }
    }

    /// <summary>mountinfo writes space, tab, newline and backslash as three-digit octal escapes.</summary>
    private static string Unescape(string field)
    {
        var builder = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length)
            {
                builder.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                builder.Append(field[i]);
            }
        }

        return builder.ToString();
    }
}
