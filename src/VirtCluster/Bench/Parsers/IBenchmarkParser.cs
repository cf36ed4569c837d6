namespace VirtCluster.Bench.Parsers;

/// <summary>
/// Turns one program's raw output into samples. One method so that adding a format is one small class,
/// and so that a runner can hold parsers by format name without knowing any of them.
/// </summary>
public interface IBenchmarkParser
{
    /// <summary>The name suites and the CLI use to pick this parser, e.g. <c>imb</c>.</summary>
    string Format { get; }

    /// <summary>
    /// Reads the whole output. Noise lines are skipped; malformed input throws
    /// <see cref="BenchmarkParseException"/> (never another exception type) naming
    /// <paramref name="sourceName"/> and the line.
    /// </summary>
    ParseResult Parse(TextReader input, string sourceName);
}
