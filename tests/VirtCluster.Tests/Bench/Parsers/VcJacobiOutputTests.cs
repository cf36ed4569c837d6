using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;
using VirtCluster.Bench.Suites;
using VirtCluster.Testing;
using VirtCluster.Tests.Support;
using static VirtCluster.Tests.Bench.Parsers.ParserTestData;

namespace VirtCluster.Tests.Bench.Parsers;

/// <summary>
/// vc-jacobi, the project's small Jacobi heat relaxation (images/src/mpi-jacobi), compiled and run under this machine's
/// Open MPI: the parser suites/debian.yaml gives it reads its elapsed time as one <c>time</c> sample in seconds, and the
/// relaxation computes the same grid on any number of ranks.
/// </summary>
public sealed class VcJacobiOutputTests
{
    private static readonly IBenchmarkParser Parser = SuiteLoader.Load(Path.Combine(TestPaths.RepoRoot, "suites", "debian.yaml"))
        .Benchmarks.Single(b => b.Name == "jacobi").CreateParser();

    [Fact]
    public void TheSuitesParserReadsTheElapsedTimeLineAndNothingElse()
    {
        const string output = "vc-jacobi: 512 x 512 grid, 1000 iterations on 2 ranks\nChecksum = 8.5465734820e+03\nElapsed time = 1.695456\n";

        var result = ParseText(Parser, output);

        Assert.Equal(new Sample("time", 1.695456, Units.Seconds, new SampleMeta("jacobi")), Assert.Single(result.Samples));
        Assert.Equal(new ParsedRun("jacobi", 3, RunStatus.Ok), Assert.Single(result.Runs));
    }

    [Fact]
    public void OutputWithoutTheElapsedTimeIsAnErrorNamingTheFile()
    {
        var error = Assert.Throws<BenchmarkParseException>(() => ParseText(Parser, "vc-jacobi: 512 x 512 grid, 1000 iterations on 2 ranks\n", "jacobi/stdout.txt"));

        Assert.StartsWith("jacobi/stdout.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("matched no line", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ALiveRunPrintsTheGridTheSameChecksumOnAnyRankCountAndATimeTheParserReads(int ranks)
    {
        // 7 x 7 points, 3 iterations: the five inner rows sum to 2.6875 (computed by hand from the top edge at 1).
        var (exitCode, output, errors) = MpiSourceBuild.Jacobi.Start(ranks, "7", "3");

        Assert.True(exitCode == 0, errors);
        Assert.Contains($"vc-jacobi: 7 x 7 grid, 3 iterations on {ranks} ranks\n", output, StringComparison.Ordinal);
        Assert.Contains("Checksum = 2.6875000000e+00\n", output, StringComparison.Ordinal);
        var time = Assert.Single(ParseText(Parser, output).Samples);
        Assert.Equal(("time", Units.Seconds), (time.Metric, time.Unit));
        Assert.InRange(time.Value, 1e-9, 10);
    }

    [Theory]
    [InlineData(new[] { "2" }, "usage: vc-jacobi [N [ITERATIONS]] (N at least 3, ITERATIONS at least 1)")]
    [InlineData(new[] { "7", "none" }, "usage: vc-jacobi [N [ITERATIONS]] (N at least 3, ITERATIONS at least 1)")]
    [InlineData(new[] { "4" }, "vc-jacobi: 3 ranks need a grid of at least 5 rows, not 4")]
    public void AGridTooSmallOrAMistypedArgumentIsRefusedWithTheReason(string[] arguments, string expected)
    {
        var (exitCode, output, errors) = MpiSourceBuild.Jacobi.Start(3, arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Elapsed time", output, StringComparison.Ordinal);
    }
}
