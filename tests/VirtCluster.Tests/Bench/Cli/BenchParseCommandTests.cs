using System.CommandLine;
using System.Text.Json;
using VirtCluster.Bench.Cli;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Bench.Cli;

public sealed class BenchParseCommandTests
{
    private static readonly string PingPong = TestPaths.Fixture("imb", "stackhpc-imb2019u5-pingpong-2nodes-ib-ompi4.txt");

    [Fact]
    public void TablePrintsOneLinePerSampleAndASummary()
    {
        var (exit, stdout, stderr) = Run(PingPong, "imb", json: false);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("BENCHMARK  METRIC                BYTES  RANKS  THREADS        VALUE  UNIT", lines[0]);
        Assert.Equal("IMB        PingPong.t                0      2                  0.84  us", lines[1]);
        Assert.Contains("IMB        PingPong.bandwidth  4194304      2           1.19439E+10  B/s", lines);
        Assert.Equal("72 samples, 1 of 1 runs ok", lines[^1]);
    }

    [Fact]
    public void JsonHasSamplesWithMetaAndRuns()
    {
        var (exit, stdout, _) = Run(PingPong, "imb", json: true);

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        var first = document.RootElement.GetProperty("samples")[0];
        Assert.Equal("PingPong.t", first.GetProperty("metric").GetString());
        Assert.Equal(0.84, first.GetProperty("value").GetDouble());
        Assert.Equal("2019 Update 5", first.GetProperty("meta").GetProperty("benchmarkVersion").GetString());
        Assert.Equal("ok", document.RootElement.GetProperty("runs")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void MalformedFileExitsWithTwoAndNamesTheLine()
    {
        var (exit, stdout, stderr) = Run(PingPong, "hpcc", json: false);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"error: {PingPong}:0: no HPCC output found: no banner and no summary section\n", stderr);
    }

    [Fact]
    public void UnknownFormatListsTheKnownOnes()
    {
        var (exit, _, stderr) = Run(PingPong, "osu", json: false);

        Assert.Equal(2, exit);
        Assert.Equal("error: unknown format 'osu'; use one of: imb, npb, hpcc, netpipe, time\n", stderr);
    }

    [Fact]
    public void MissingFileExitsWithTwo()
    {
        var (exit, _, stderr) = Run("/nonexistent/imb.out", "imb", json: false);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: cannot read '/nonexistent/imb.out'", stderr);
    }

    [Fact]
    public void FailedRunsAreWarnedAboutOnStderr()
    {
        var (exit, _, stderr) = Run(TestPaths.Fixture("netpipe", "local-debian12-NPopenmpi-3.7.2-2ranks-shm-stdout.txt"), "netpipe", json: false);

        Assert.Equal(0, exit);
        Assert.StartsWith("warning: ", stderr);
        Assert.Contains("no measurement lines", stderr);
    }

    [Fact]
    public void ParseSubcommandWiresArgumentsToTheCommand()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var root = new RootCommand { BenchCommands.CreateParseCommand(stdout, stderr) };

        var exit = root.Parse(["parse", PingPong, "--format", "imb", "--json"]).Invoke();

        Assert.Equal(0, exit);
        Assert.StartsWith("{", stdout.ToString());
    }

    [Fact]
    public void ParseSubcommandRejectsAFormatOutsideTheList()
    {
        var root = new RootCommand { BenchCommands.CreateParseCommand(TextWriter.Null, TextWriter.Null) };

        var result = root.Parse(["parse", PingPong, "--format", "osu"]);

        Assert.NotEmpty(result.Errors);
    }

    private static (int Exit, string Stdout, string Stderr) Run(string file, string format, bool json)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exit = BenchParseCommand.Run(file, format, json, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
