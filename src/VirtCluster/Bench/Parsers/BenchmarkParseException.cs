namespace VirtCluster.Bench.Parsers;

/// <summary>
/// An output that cannot be read as its format says. The message starts with <c>source:line:</c> so the
/// user can open the raw output at the offending place.
/// </summary>
public sealed class BenchmarkParseException : Exception
{
    public BenchmarkParseException(string source, int line, string reason)
        : base($"{source}:{line}: {reason}")
    {
        Source = source;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file or stream name given to the parser.</summary>
    public new string Source { get; }

    /// <summary>1-based line number; 0 when the problem concerns the whole input (e.g. nothing recognisable).</summary>
    public int Line { get; }

    public string Reason { get; }
}
