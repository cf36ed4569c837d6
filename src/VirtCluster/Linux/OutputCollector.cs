using System.Text;

namespace VirtCluster.Linux;

/// <summary>
/// Reads a program's two output streams to their end: each stream's text as written, and both streams' lines
/// in arrival order for messages and progress. Everything is read, so the program never blocks on a full
/// pipe; only up to the limit is kept.
/// </summary>
internal sealed class OutputCollector(int? limit, IProgress<string>? lines)
{
    private readonly int _limit = limit ?? int.MaxValue;
    private readonly StringBuilder _combined = new();

    /// <summary>Both streams' lines so far, each ended by a newline.</summary>
    public string Combined
    {
        get
        {
            lock (_combined)
            {
                return _combined.ToString();
            }
        }
    }

    /// <summary>Reads <paramref name="reader"/> to its end; the text kept and whether some was dropped.</summary>
    public async Task<(string Text, bool Truncated)> ReadAsync(StreamReader reader)
    {
        var kept = new StringBuilder();
        var truncated = false;
        var line = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer, CancellationToken.None).ConfigureAwait(false)) > 0)
        {
            var room = _limit - kept.Length;
            kept.Append(buffer, 0, Math.Min(room, read));
            truncated |= read > room;
            foreach (var c in buffer.AsSpan(0, read))
            {
                if (c == '\n')
                {
                    AddLine(line);
                }
                else
                {
                    line.Append(c);
                }
            }
        }

        if (line.Length > 0)
        {
            AddLine(line);
        }

        return (kept.ToString(), truncated);
    }

    private void AddLine(StringBuilder line)
    {
        var text = line.ToString().TrimEnd('\r');
        line.Clear();
        lock (_combined)
        {
            if (_combined.Length + text.Length < _limit)
            {
                _combined.AppendLine(text);
            }
        }

        lines?.Report(text);
    }
}
