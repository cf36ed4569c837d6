using System.Globalization;

namespace VirtCluster.Bench.Parsers;

/// <summary>Number parsing as the benchmarks print numbers: invariant culture, exponents allowed, finite only.</summary>
internal static class Numbers
{
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static double Parse(string text, string what, string source, int line) =>
        TryParse(text, out var value)
            ? value
            : throw new BenchmarkParseException(source, line, $"{what}: '{text}' is not a number");

    public static int ParseInt(string text, string what, string source, int line) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BenchmarkParseException(source, line, $"{what}: '{text}' is not an integer");

    public static long ParseLong(string text, string what, string source, int line) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BenchmarkParseException(source, line, $"{what}: '{text}' is not an integer");
}
