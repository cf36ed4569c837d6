using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Bench.Parsers;

/// <summary>Runs parsers on fixtures or inline text and finds samples in the result.</summary>
internal static class ParserTestData
{
    public static ParseResult ParseFixture(IBenchmarkParser parser, string folder, string file)
    {
        var path = TestPaths.Fixture(folder, file);
        using var reader = new StreamReader(path);
        return parser.Parse(reader, path);
    }

    public static ParseResult ParseText(IBenchmarkParser parser, string text, string source = "test-output.txt")
    {
        using var reader = new StringReader(text);
        return parser.Parse(reader, source);
    }

    public static Sample Single(this ParseResult result, string metric, long? messageSize = null) =>
        Assert.Single(result.Samples, s => s.Metric == metric && s.Meta.MessageSizeBytes == messageSize);

    /// <summary>Equality up to floating-point rounding of the unit conversion.</summary>
    public static void AssertClose(double expected, double actual) =>
        Assert.Equal(expected, actual, Math.Abs(expected) * 1e-12);
}
