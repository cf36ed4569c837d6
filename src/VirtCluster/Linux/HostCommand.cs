using System.ComponentModel;
using System.Diagnostics;

namespace VirtCluster.Linux;

/// <summary>
/// The one way this program starts a program on this machine: arguments are passed as a list (never through
/// a shell, so nothing needs quoting), stdin is closed, both output streams are drained while it runs, and a
/// timeout or the caller's cancellation stops the whole process tree (<see cref="ProcessTree"/>). Callers
/// (image builds, the lab, host probes, bare-metal benchmark runs, ssh-keygen) map the result to their own
/// contracts.
/// </summary>
internal static class HostCommand
{
    /// <summary>How long the output pipes are awaited after a stop, in case a descendant escaped the tree and holds them.</summary>
    private static readonly TimeSpan PipeDrainLimit = TimeSpan.FromSeconds(5);

    /// <summary>How long a checked command gets to clean up after SIGTERM when the caller cancels.</summary>
    private static readonly TimeSpan CheckedGracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs <paramref name="argv"/> and returns how it ended. A program that cannot be started is a result with
    /// <see cref="ProcessResult.StartError"/>, not an exception; cancellation stops the program and then throws.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        IReadOnlyList<string> argv, ProcessOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argv);
        ArgumentNullException.ThrowIfNull(options);
        if (argv.Count == 0)
        {
            throw new ArgumentException("a command needs at least the program name", nameof(argv));
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = StartInfo(argv, options) };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new ProcessResult(null, "", "", "", clock.Elapsed) { StartError = e.Message };
        }

        process.StandardInput.Close();
        var collector = new OutputCollector(options.OutputLimit, options.Lines);
        var stdout = collector.ReadAsync(process.StandardOutput);
        var stderr = collector.ReadAsync(process.StandardError);
        using var timer = options.Timeout is { } timeout ? new CancellationTokenSource(timeout) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var stopped = false;
        try
        {
            await process.WaitForExitAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await ProcessTree.StopAsync(process, options.StopGracePeriod).ConfigureAwait(false);
            stopped = true;
        }

        var elapsed = clock.Elapsed;
        var (output, outputTruncated) = await DrainAsync(stdout, stopped).ConfigureAwait(false);
        var (errors, errorsTruncated) = await DrainAsync(stderr, stopped).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new ProcessResult(stopped ? null : process.ExitCode, output, errors, collector.Combined, elapsed)
        {
            TimedOut = stopped,
            StdoutTruncated = outputTruncated,
            StderrTruncated = errorsTruncated,
        };
    }

    /// <summary>
    /// Runs the program, reporting its output lines to <paramref name="progress"/>, and returns its combined
    /// output; throws with the end of that output when it cannot start or exits non-zero. On cancellation the
    /// program is asked to stop (SIGTERM) and given time to clean up before its tree is killed.
    /// </summary>
    public static async Task<string> RunCheckedAsync(
        string program, IEnumerable<string> arguments, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var options = new ProcessOptions { Lines = progress, StopGracePeriod = CheckedGracePeriod };
        var result = await RunAsync([program, .. arguments], options, cancellationToken).ConfigureAwait(false);
        if (result.StartError is { } error)
        {
            throw new InvalidOperationException($"cannot run '{program}': {error}; is it installed?");
        }

        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException(
                $"'{program}' failed with exit code {result.ExitCode}:{Environment.NewLine}{Tail(result.Output)}");
    }

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> argv, ProcessOptions options)
    {
        var start = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? "",
        };
        foreach (var argument in argv.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static async Task<(string Text, bool Truncated)> DrainAsync(Task<(string Text, bool Truncated)> reading, bool stopped)
    {
        if (!stopped)
        {
            return await reading.ConfigureAwait(false);
        }

        try
        {
            return await reading.WaitAsync(PipeDrainLimit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return ("", false);
        }
    }

    /// <summary>
    /// The last 30 lines, which say how the program ended. A full disk is often reported much earlier and buried
    /// under what failed because of it, so its first report is kept in front.
    /// </summary>
    internal static string Tail(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var skipped = Math.Max(0, lines.Length - 30);
        var tail = string.Join('\n', lines.Skip(skipped));
        var full = lines.Take(skipped).FirstOrDefault(line => line.Contains("No space left on device", StringComparison.Ordinal));
        return full is null ? tail : full + "\n...\n" + tail;
    }
}
