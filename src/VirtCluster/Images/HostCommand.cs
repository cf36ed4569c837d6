using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace VirtCluster.Images;

/// <summary>
/// Runs a program on this machine with its arguments passed as a list (never through a shell), reports
/// its output lines as progress, and on cancellation first asks it to stop (SIGTERM, so that mmdebstrap
/// can unmount what it mounted) and then kills the whole process tree.
/// </summary>
internal static class HostCommand
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="program"/> and returns its exit code and combined output.</summary>
    public static async Task<HostCommandResult> RunAsync(
        string program, IEnumerable<string> arguments, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            progress?.Report(e.Data);
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run '{program}': {e.Message}; is it installed?", e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(process).ConfigureAwait(false);
            throw;
        }

        lock (output)
        {
            return new HostCommandResult(program, process.ExitCode, output.ToString());
        }
    }

    /// <summary>Runs the program and throws with its output when it exits non-zero.</summary>
    public static async Task<string> RunCheckedAsync(
        string program, IEnumerable<string> arguments, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var result = await RunAsync(program, arguments, progress, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException(
                $"'{program}' failed with exit code {result.ExitCode}:{Environment.NewLine}{Tail(result.Output)}");
    }

    /// <summary>
    /// SIGTERM to the program, then SIGKILL to it and to every descendant seen before the SIGTERM: a
    /// program that exits on SIGTERM can leave children (apt, dpkg) that would otherwise keep writing
    /// into a folder that is about to be deleted.
    /// </summary>
    private static async Task StopAsync(Process process)
    {
        var descendants = Descendants(process.Id);
        _ = Posix.Kill(process.Id, Posix.SigTerm);
        using var grace = new CancellationTokenSource(GracePeriod);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

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

    /// <summary>
    /// The last 30 lines, which say how the program ended. A full disk is often reported much earlier and buried
    /// under what failed because of it, so its first report is kept in front.
    /// </summary>
    private static string Tail(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var skipped = Math.Max(0, lines.Length - 30);
        var tail = string.Join('\n', lines.Skip(skipped));
        var full = lines.Take(skipped).FirstOrDefault(line => line.Contains("No space left on device", StringComparison.Ordinal));
        return full is null ? tail : full + "\n...\n" + tail;
    }
}
