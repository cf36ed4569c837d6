using System.Text;

namespace VirtCluster.Bench.Parsers;

/// <summary>
/// Reads output line by line while refusing what no benchmark prints: binary data and lines so long
/// that holding them would be a memory hazard. Parsers use it so that these checks live in one place.
/// </summary>
public static class OutputLines
{
    /// <summary>Longer than any line of the supported programs by two orders of magnitude.</summary>
    public const int MaxLineLength = 64 * 1024;

    public static IEnumerable<OutputLine> Read(TextReader input, string source)
    {
        ArgumentNullException.ThrowIfNull(input);
        var line = new StringBuilder();
        var number = 1;
        var buffer = new char[8192];
        var pendingCarriageReturn = false;
        int read;
        while ((read = ReadChunk(input, buffer, source, number)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (c == '\n')
                {
                    yield return new OutputLine(number++, line.ToString());
                    line.Clear();
                    pendingCarriageReturn = false;
                    continue;
                }

                if (pendingCarriageReturn)
                {
                    // A lone carriage return (progress output rewriting its line) is kept as a space.
                    line.Append(' ');
                    pendingCarriageReturn = false;
                }

                if (c == '\r')
                {
                    pendingCarriageReturn = true;
                    continue;
                }

                if (IsBinary(c))
                {
                    throw new BenchmarkParseException(
                        source, number, $"binary data (character U+{(int)c:X4}): this is not a text output of the benchmark");
                }

                if (line.Length >= MaxLineLength)
                {
                    throw new BenchmarkParseException(
                        source, number, $"line longer than {MaxLineLength} characters: this is not an output of the benchmark");
                }

                line.Append(c);
            }
        }

        if (line.Length > 0)
        {
            yield return new OutputLine(number, line.ToString());
        }
    }

    private static int ReadChunk(TextReader input, char[] buffer, string source, int number)
    {
        try
        {
            return input.Read(buffer, 0, buffer.Length);
        }
        catch (IOException e)
        {
            throw new BenchmarkParseException(source, number, "cannot read: " + e.Message);
        }
    }

    private static bool IsBinary(char c) =>
        c == '\uFFFD' || (c < ' ' && c is not '\t' and not '\f' and not '\v' and not '\u001b');
}
