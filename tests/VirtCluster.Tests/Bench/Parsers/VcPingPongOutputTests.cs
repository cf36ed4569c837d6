using System.Globalization;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;
using VirtCluster.Tests.Support;
using static VirtCluster.Tests.Bench.Parsers.ParserTestData;

namespace VirtCluster.Tests.Bench.Parsers;

/// <summary>
/// vc-pingpong, the project's small IMB-compatible ping-pong (images/src/mpi-pingpong), compiled and run with two ranks
/// under this machine's Open MPI: the IMB parser reads its live output as it reads IMB's.
/// </summary>
public sealed class VcPingPongOutputTests
{
    private const string RunName = "IMB 2019 table format, vc-pingpong (a small IMB-compatible ping-pong, not IMB)";

    private static readonly long[] AllSizes = [0, .. Enumerable.Range(0, 23).Select(log => 1L << log)];

    private readonly ImbParser _parser = new();

    [Fact]
    public void ARunFromZeroTo4MiBIsReadByTheImbParserWithPositiveTimesAndBandwidths()
    {
        var pingpong = MpiSourceBuild.PingPong;

        var (exitCode, output, errors) = pingpong.Start(2);

        Assert.True(exitCode == 0, errors);
        var result = ParseText(_parser, output);
        Assert.Equal(new ParsedRun(RunName, 2, RunStatus.Ok), Assert.Single(result.Runs));
        Assert.Equal(AllSizes.Length * 3, result.Samples.Count);
        var latency = result.Samples.Where(s => s.Metric == "PingPong.latency").ToList();
        Assert.Equal(AllSizes, latency.Select(s => s.Meta.MessageSizeBytes!.Value));
        Assert.All(latency, s => Assert.True(s.Value > 0 && s.Unit == Units.Microseconds, $"{s.Meta.MessageSizeBytes} B: {s.Value} {s.Unit}"));
        Assert.All(result.Samples, s => Assert.Equal(new SampleMeta("IMB", "2019 table format", Ranks: 2, MessageSizeBytes: s.Meta.MessageSizeBytes), s.Meta));
        Assert.Equal(0, result.Single("PingPong.bandwidth", 0).Value);
        Assert.All(AllSizes.Skip(1), size => Assert.True(result.Single("PingPong.bandwidth", size).Value > 0, $"{size} B"));

        // Bandwidth is bytes over the one-way time in 10^6 B/s, as IMB 2018 and later print it.
        var time = result.Single("PingPong.t", 4194304).Value;
        Assert.Equal(4194304 / (time * 1e-6), result.Single("PingPong.bandwidth", 4194304).Value, 4194304 / (time * 1e-6) * 1e-3);

        // IMB's default repetitions: 1000, and at most 40 MiB per size above 32 KiB.
        var repetitions = output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 4 && long.TryParse(f[0], CultureInfo.InvariantCulture, out _)).Select(f => int.Parse(f[1], CultureInfo.InvariantCulture));
        Assert.Equal([.. Enumerable.Repeat(1000, 17), 640, 320, 160, 80, 40, 20, 10], repetitions);
    }

    [Theory]
    [InlineData("3:5", new long[] { 0, 8, 16, 32 })]
    [InlineData("2", new long[] { 0, 1, 2, 4 })]
    public void MsglogChoosesZeroAndThePowersOfTwoFromMinlogToMaxlog(string msglog, long[] sizes)
    {
        var pingpong = MpiSourceBuild.PingPong;

        var (exitCode, output, errors) = pingpong.Start(2, "-msglog", msglog);

        Assert.True(exitCode == 0, errors);
        var result = ParseText(_parser, output);
        Assert.Equal(sizes, result.Samples.Where(s => s.Metric == "PingPong.t").Select(s => s.Meta.MessageSizeBytes!.Value));
        Assert.Contains($"# Maximum message length in bytes:   {sizes[^1]}\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, new[] { "-msglog", "0:2" }, "needs exactly 2 MPI processes (mpirun -np 2), got 3")]
    [InlineData(2, new[] { "-msglog", "5:3" }, "usage: mpirun -np 2 ")]
    [InlineData(2, new[] { "-msglog", "31" }, "(0 <= MINLOG <= MAXLOG <= 30)")]
    [InlineData(2, new[] { "-size", "8" }, "[-msglog [MINLOG:]MAXLOG]")]
    public void WrongProcessCountsAndArgumentsStopItBeforeAnyTable(int processes, string[] arguments, string message)
    {
        var pingpong = MpiSourceBuild.PingPong;

        var (exitCode, output, errors) = pingpong.Start(processes, arguments);
        var good = pingpong.Start(2, "-msglog", "0:2");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("#bytes", output, StringComparison.Ordinal);
        Assert.Equal(0, good.ExitCode);
        Assert.Contains("#bytes", good.Stdout, StringComparison.Ordinal);
    }
}
