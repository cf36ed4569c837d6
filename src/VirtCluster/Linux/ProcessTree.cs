using System.Diagnostics;
using System.Globalization;

namespace VirtCluster.Linux;

/// <summary>
/// Stops a program with everything it started. The tree is read from /proc before the first signal: a program
/// that exits on SIGTERM can leave children (apt, dpkg, MPI ranks) that would otherwise keep running, and
/// writing, after their parent is gone.
/// </summary>
internal static class ProcessTree
{
    /// <summary>
    /// SIGTERM and up to <paramref name="grace"/> to exit (none when zero), then SIGKILL to the tree, then
    /// SIGKILL to every descendant seen before the first signal that is still the same process.
    /// </summary>
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        var descendants = Descendants(process.Id);
        if (grace > TimeSpan.Zero)
        {
            _ = Posix.Kill(process.Id, Posix.SigTerm);
            using var waiting = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(waiting.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Still running after the grace period: killed below.
            }
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var (pid, started) in descendants)
        {
            if (StartTime(pid) == started)
            {
                _ = Posix.Kill(pid, Posix.SigKill);
            }
        }
    }

    /// <summary>
    /// All processes below <paramref name="root"/> with their start times, from /proc; the start time
    /// tells a descendant from an unrelated process that reused its pid later.
    /// </summary>
    private static List<(int Pid, string Started)> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid))
            {
                continue;
            }

            try
            {
                var parent = int.Parse(StatFields(pid)[1], CultureInfo.InvariantCulture);
                children.TryAdd(parent, []);
                children[parent].Add(pid);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        var result = new List<(int, string)>();
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid, []))
            {
                if (StartTime(child) is { } started)
                {
                    result.Add((child, started));
                }

                pending.Enqueue(child);
            }
        }

        return result;
    }

    private static string? StartTime(int pid)
    {
        try
        {
            return StatFields(pid)[19];
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The fields of /proc/PID/stat after the command name (state is [0], parent [1], start time [19]).</summary>
    private static string[] StatFields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }
}
