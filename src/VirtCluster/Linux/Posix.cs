using System.Runtime.InteropServices;

namespace VirtCluster.Linux;

/// <summary>
/// The few libc calls .NET does not expose: signals other than SIGKILL, mounting a tmpfs and lazy unmount,
/// the effective user.
/// </summary>
internal static partial class Posix
{
    public const int SigTerm = 15;
    public const int SigKill = 9;
    public const int MntDetach = 2;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "umount2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Umount2(string target, int flags);

    [LibraryImport("libc", EntryPoint = "mount", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Mount(string source, string target, string fileSystemType, ulong flags, string data);

    /// <summary>Mounts a tmpfs with <paramref name="options"/> (e.g. <c>mode=0755,size=1024m</c>) on an existing folder.</summary>
    /// <exception cref="IOException">The kernel refused; the message carries its reason.</exception>
    public static void MountTmpfs(string target, string options)
    {
        if (Mount("tmpfs", target, "tmpfs", 0, options) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot mount a tmpfs on '{target}' ({options}): {Marshal.GetPInvokeErrorMessage(error)}");
        }
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Stat(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    public static bool IsRoot => GetEffectiveUserId() == 0;

    /// <summary>
    /// The inode of <paramref name="path"/> (following links), or null if it cannot be read. On Linux
    /// x86-64 and arm64 <c>struct stat</c> starts with the 8-byte device and the 8-byte inode.
    /// </summary>
    public static unsafe ulong? Inode(string path)
    {
        var buffer = stackalloc byte[256];
        return Stat(path, buffer) == 0 ? *(ulong*)(buffer + 8) : null;
    }

    /// <summary>Sets permission bits; the lab and image builder run on Linux only.</summary>
    public static void SetMode(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("VirtCluster builds images and labs on Linux only");
        }

        File.SetUnixFileMode(path, mode);
    }

    /// <summary>Creates a folder (and parents) and sets its permission bits, also when it already existed.</summary>
    public static void CreateDirectory(string path, UnixFileMode mode)
    {
        Directory.CreateDirectory(path);
        SetMode(path, mode);
    }
}
