using System.Text;

namespace VirtCluster.Remote;

/// <summary>
/// Drains one output stream of a running command into memory up to a limit. Draining while the command
/// runs is what bounds memory: SSH.NET otherwise buffers everything the host sends.
/// </summary>
internal sealed class OutputCapture
{
    private readonly MemoryStream _kept = new();
    private readonly int _limit;

    private OutputCapture(int limit) => _limit = limit;

    public bool Truncated { get; private set; }

    public string Text => Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);

    /// <summary>
    /// Reads <paramref name="source"/> to its end on a dedicated thread (its reads block) and completes when
    /// the command's stream is closed.
    /// </summary>
    public static Task<OutputCapture> Start(Stream source, int limit)
    {
        var capture = new OutputCapture(limit);
        return Task.Factory.StartNew(
            () => capture.Drain(source),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private OutputCapture Drain(Stream source)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                var room = _limit - (int)_kept.Length;
                _kept.Write(buffer, 0, Math.Min(room, read));
                Truncated |= read > room;
            }
        }
        catch (ObjectDisposedException)
        {
            // The command was disposed while draining: what was read so far is the output.
        }

        return this;
    }
}
