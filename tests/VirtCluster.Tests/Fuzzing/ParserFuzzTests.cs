using VirtCluster.Bench.Parsers;
using VirtCluster.Testing;
using VirtCluster.Tests.Bench.Parsers;
using Xunit.Abstractions;

namespace VirtCluster.Tests.Fuzzing;

/// <summary>
/// Every benchmark parser, fed ten thousand seeded mutations of real outputs, either returns finite samples or
/// refuses with a <see cref="BenchmarkParseException"/>: never another exception, never a hang.
/// </summary>
[Collection(FuzzingCollection.Name)]
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedImbOutputsParseOrFailWithABenchmarkParseException() => Fuzz("imb", Fixtures("imb"));

    [Fact]
    public void MutatedNpbMzOutputsParseOrFailWithABenchmarkParseException() => Fuzz("npb",
    [
        NpbMzOutputs.JobScript(),
        NpbMzOutputs.Progress(4, 2) + NpbMzOutputs.Completed("SP-MZ", "3.3", 4, 2, "86.45", "17205.61", "2150.70"),
    ]);

    [Fact]
    public void MutatedHpccOutputsParseOrFailWithABenchmarkParseException() => Fuzz("hpcc", Fixtures("hpcc"));

    [Fact]
    public void MutatedNetPipeOutputsParseOrFailWithABenchmarkParseException() => Fuzz("netpipe", Fixtures("netpipe"));

    private void Fuzz(string format, IReadOnlyList<string> inputs)
    {
        Assert.True(BenchmarkParsers.TryGet(format, out var parser));
        var report = new FuzzRunner(format, inputs, [typeof(BenchmarkParseException)], text =>
        {
            using var reader = new StringReader(text);
            var result = parser.Parse(reader, "fuzz.txt");
            if (result.Samples.FirstOrDefault(s => !double.IsFinite(s.Value)) is { } bad)
            {
                throw new InvalidDataException($"sample {bad.Metric} is {bad.Value}");
            }
        }).Run();
        output.WriteLine($"{format}: {report}");
        report.AssertSound();
    }

    /// <summary>The real outputs of one program (the .txt files; .source files say where each came from).</summary>
    private static IReadOnlyList<string> Fixtures(string folder) =>
        [.. Directory.GetFiles(TestPaths.Fixture(folder), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
}
