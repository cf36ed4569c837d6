using System.Runtime.InteropServices;

namespace VirtCluster.Engine.Interop;

/// <summary>
/// The few POSIX calls .NET does not expose: fsync of a directory (so a rename is durable) and a real SIGKILL or SIGINT of
/// the current process (the crash-safety hooks; <see cref="Environment.FailFast(string)"/> is not a SIGKILL).
/// </summary>
internal static partial class Libc
{
    private const int ORdOnly = 0;
    private const int ODirectory = 0x10000;
    private const int SigKill = 9;
    private const int SigInt = 2;

    /// <summary>Makes a directory's entries (created, renamed, deleted files) durable.</summary>
    public static void FsyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(directory, ORdOnly | ODirectory);
        if (fd < 0)
        {
            throw new IOException($"cannot open directory '{directory}' to fsync it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory '{directory}' failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>fsync(2) on an open file: unlike FileStream.Flush(true) it may run while other threads write.</summary>
    public static void Fsync(Microsoft.Win32.SafeHandles.SafeFileHandle handle, string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            if (Fsync((int)handle.DangerousGetHandle()) != 0)
            {
                throw new IOException($"fsync of '{path}' failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Dies at once, as a power cut or an OOM kill would end the process: no finally blocks, no flushes.</summary>
    public static void KillSelf()
    {
        _ = Kill(Environment.ProcessId, SigKill);
        Thread.Sleep(Timeout.Infinite);
    }

    /// <summary>Sends SIGINT to the current process, as Ctrl-C in its terminal would; handled asynchronously.</summary>
    public static void Interrupt() => _ = Kill(Environment.ProcessId, SigInt);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
