using System.Globalization;
using System.Text;

namespace VirtCluster.Remote;

/// <summary>
/// Drains one output stream of a running command into memory up to a limit. Draining while the command
/// runs is what bounds memory: SSH.NET otherwise buffers everything the host sends. The stderr capture
/// also takes off the first line, where the runner's wrapper announces the remote process id.
/// </summary>
internal sealed class OutputCapture
{
    private const int MaxPidLineLength = 32;
    private readonly MemoryStream _kept = new();
    private readonly int _limit;
    private readonly TaskCompletionSource<int>? _pid;

    private OutputCapture(int limit, bool readsPidLine)
    {
        _limit = limit;
        _pid = readsPidLine ? new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously) : null;
    }

    public bool Truncated { get; private set; }

    public string Text => Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);

    /// <summary>The remote process id from the first line, once it arrived; faults if the line never came.</summary>
    public Task<int> Pid => _pid?.Task ?? throw new InvalidOperationException("This capture does not read a process id.");

    /// <summary>
    /// Starts reading <paramref name="source"/> to its end on a dedicated thread (its reads block); the task
    /// completes when the command's stream is closed.
    /// </summary>
    public static (OutputCapture Capture, Task Completion) Start(Stream source, int limit, bool readsPidLine = false)
    {
        var capture = new OutputCapture(limit, readsPidLine);
        var completion = Task.Factory.StartNew(
            () => capture.Drain(source),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        return (capture, completion);
    }

    private void Drain(Stream source)
    {
        var buffer = new byte[64 * 1024];
        var pidLine = new List<byte>();
        try
        {
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                ReadOnlySpan<byte> data = buffer.AsSpan(0, read);
                if (_pid is { Task.IsCompleted: false })
                {
                    data = TakePidLine(data, pidLine);
                }

                var room = _limit - (int)_kept.Length;
                _kept.Write(data[..Math.Min(room, data.Length)]);
                Truncated |= data.Length > room;
            }
        }
        catch (ObjectDisposedException)
        {
            // The command was disposed while draining: what was read so far is the output.
        }
        finally
        {
            _pid?.TrySetException(new InvalidOperationException("The remote command never reported its process id."));
        }
    }

    private ReadOnlySpan<byte> TakePidLine(ReadOnlySpan<byte> data, List<byte> pidLine)
    {
        var newline = data.IndexOf((byte)'\n');
        var head = newline < 0 ? data : data[..newline];
        pidLine.AddRange(head.ToArray());
        if (newline < 0 && pidLine.Count <= MaxPidLineLength)
        {
            return [];
        }

        var text = Encoding.ASCII.GetString(pidLine.ToArray());
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            _pid!.TrySetResult(pid);
            return newline < 0 ? [] : data[(newline + 1)..];
        }

        // Not the wrapper's line (a shell that printed first?): keep everything as stderr.
        _pid!.TrySetException(new InvalidOperationException("The first stderr line was not a process id."));
        _kept.Write(pidLine.ToArray());
        return newline < 0 ? [] : data[newline..];
    }
}
