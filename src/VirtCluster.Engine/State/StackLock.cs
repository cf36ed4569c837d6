using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace VirtCluster.Engine.State;

/// <summary>
/// A lock file per stack, created exclusively (O_EXCL) and holding the owner's PID, host name and start time, so a
/// refused run can say who holds the stack and a lock left by a dead process on this host can be recognised.
/// </summary>
public sealed class StackLock : IDisposable
{
    private readonly string _path;
    private int _released;

    private StackLock(string path) => _path = path;

    /// <param name="path">The lock file.</param>
    /// <param name="stack">The stack's name, for messages.</param>
    /// <param name="forceUnlock">Remove an existing lock first (the user checked that its holder is gone).</param>
    public static StackLock Acquire(string path, string stack, bool forceUnlock)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (forceUnlock)
        {
            File.Delete(path);
        }

        var content = new JsonObject
        {
            ["pid"] = Environment.ProcessId,
            ["host"] = Environment.MachineName,
            ["started"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        }.ToJsonString();
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(System.Text.Encoding.UTF8.GetBytes(content));
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new StackLockedException(DescribeHolder(path, stack));
        }

        return new StackLock(path);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            File.Delete(_path);
        }
    }

    private static string DescribeHolder(string path, string stack)
    {
        JsonObject? holder = null;
        try
        {
            holder = JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            // An unreadable lock file still locks; it is described as such below.
        }

        var pid = holder?["pid"]?.GetValue<int>();
        var host = holder?["host"]?.GetValue<string>();
        var started = holder?["started"]?.GetValue<string>();
        if (pid is null || host is null)
        {
            return $"stack '{stack}' is locked: the lock file {path} is unreadable; if no other run is active, pass --force-unlock";
        }

        var who = $"PID {pid} on host {host}, started {started}";
        return host == Environment.MachineName && !IsAlive(pid.Value)
            ? $"stack '{stack}' has a stale lock ({who}, which is no longer running): {path}; pass --force-unlock to remove it"
            : $"stack '{stack}' is locked by another run ({who}); wait for it to finish (lock file {path})";
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
