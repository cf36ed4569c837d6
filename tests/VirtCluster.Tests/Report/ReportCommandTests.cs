using VirtCluster.Bench.Results;
using VirtCluster.Report;

namespace VirtCluster.Tests.Report;

public sealed class ReportCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("virtcluster-report-cmd-").FullName;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public void Dispose()
    {
        _stdout.Dispose();
        _stderr.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void TheStacksResultsComparedWithThePapersWriteTheReportAndExitZero()
    {
        var local = Path.Combine(_directory, "local.results.json");
        ResultsJson.Write(ReportResults.Local(), local);
        var output = Path.Combine(_directory, "out");

        var exit = ReportCommand.Run(local, [ReportResults.PaperExamplePath], output, _stdout, _stderr);

        Assert.Equal(0, exit);
        Assert.Equal("", _stderr.ToString());
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
        Assert.True(File.Exists(Path.Combine(output, "report.md")));
        Assert.Contains("report: " + Path.Combine(output, "report.html"), _stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("charts: 4 files in " + Path.Combine(output, "charts"), _stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(local), File.ReadAllBytes(Path.Combine(output, "results", "local.results.json")));
        Assert.Equal(File.ReadAllBytes(ReportResults.PaperExamplePath), File.ReadAllBytes(Path.Combine(output, "results", "paper-agc2011.results.json")));
    }

    [Fact]
    public void ThePapersFileAlonePrintsItsTable2WithRatiosToIntraSocket()
    {
        Assert.Equal(0, ReportCommand.Run(null, [ReportResults.PaperExamplePath], Path.Combine(_directory, "paper"), _stdout, _stderr));

        Assert.Contains(
            """
            One-way latency by placement: IMB PingPong, 0-byte messages
              Environment  intra-socket (us)  inter-socket (us)  inter-node (us)
              bmm               0.41 (×1.00)       0.86 (×2.10)     1.79 (×4.37)
              xen               0.41 (×1.00)       0.83 (×2.02)     3.30 (×8.05)
              kvm               0.54 (×1.00)       1.21 (×2.24)     1.71 (×3.17)

            """,
            _stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains(
            """
              Environment  Against  intra-socket  inter-socket  inter-node
              bmm          bmm             ×1.00         ×1.00       ×1.00
              xen          bmm             ×1.00         ×0.97       ×1.84
              kvm          bmm             ×1.32         ×1.41       ×0.96

            """,
            _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ThePapersFileAlonePrintsItsTable3WithOverheadsAgainstBareMetalInTheUnitsItPublished()
    {
        Assert.Equal(0, ReportCommand.Run(null, [ReportResults.PaperExamplePath], Path.Combine(_directory, "paper"), _stdout, _stderr));

        Assert.Contains(
            """
            Single-node time and overhead: Run agc2011 (suite paper), against bmm
              Benchmark      Unit     bmm               xen               kvm              ec2
              SP-MZ class C  s      86.45  100.12 (+15.8 %)  104.36 (+20.7 %)   88.00 (+1.8 %)
              BT-MZ class C  s     132.06   137.66 (+4.2 %)   144.92 (+9.7 %)  126.01 (-4.6 %)
              Bloss          min    21.00    22.38 (+6.6 %)    22.98 (+9.4 %)   20.00 (-4.8 %)

            """,
            _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ThePapersFileAlonePrintsItsSixteenNodeEfficienciesAndPeakThroughputs()
    {
        Assert.Equal(0, ReportCommand.Run(null, [ReportResults.PaperExamplePath], Path.Combine(_directory, "paper"), _stdout, _stderr));

        Assert.Contains(
            """
            Parallel efficiency as published
              Benchmark      Nodes  Processes × threads   bmm   xen   kvm   ec2
              SP-MZ class C     16               64 × 2  88 %  59 %  88 %     –
              BT-MZ class C     16               64 × 2  85 %  59 %  86 %     –
              Bloss             16               32 × 4  78 %  72 %  71 %  63 %

            """,
            _stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains(
            """
              bmm          intra-socket        5700.0    not published
              bmm          inter-socket        3900.0    not published
              bmm          inter-node    about 2500.0    not published

            """,
            _stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _stderr.ToString());
    }

    [Fact]
    public void AMissingResultsFileExitsTwoNamingItAndWritesNothing()
    {
        var missing = Path.Combine(_directory, "archived.results.json");
        var output = Path.Combine(_directory, "out");

        Assert.Equal(2, ReportCommand.Run(null, [ReportResults.PaperExamplePath, missing], output, _stdout, _stderr));

        Assert.StartsWith($"error: {missing}: cannot read the results file: ", _stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void AResultsFileWithATimeOfZeroExitsTwoNamingTheFileAndTheRun()
    {
        var path = Path.Combine(_directory, "zero.results.json");
        File.WriteAllText(path, File.ReadAllText(ReportResults.PaperExamplePath).Replace("\"value\": 86.45,", "\"value\": 0,", StringComparison.Ordinal));

        Assert.Equal(2, ReportCommand.Run(null, [path], Path.Combine(_directory, "out"), _stdout, _stderr));

        Assert.Equal($"error: {path}: run 'sp-mz/bmm/1node' has a time of 0 s; a wall time must be positive\n", _stderr.ToString());
    }

    [Fact]
    public void ResultsFilesOfTheSameNameAreKeptApartBesideTheReport()
    {
        var first = Path.Combine(_directory, "a", "local.results.json");
        var second = Path.Combine(_directory, "b", "local.results.json");
        Directory.CreateDirectory(Path.GetDirectoryName(first)!);
        Directory.CreateDirectory(Path.GetDirectoryName(second)!);
        ResultsJson.Write(ReportResults.Local(runId: "monday"), first);
        ResultsJson.Write(ReportResults.Local(runId: "tuesday"), second);
        var output = Path.Combine(_directory, "out");

        Assert.Equal(0, ReportCommand.Run(first, [second], output, _stdout, _stderr));

        Assert.Equal(
            ["1-local.results.json", "2-local.results.json"],
            Directory.GetFiles(Path.Combine(output, "results")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("monday", ResultsJson.Read(Path.Combine(output, "results", "1-local.results.json")).RunId);
    }

    [Fact]
    public void ABrokenResultsFileExitsTwoNamingItAndWritesNothing()
    {
        var broken = Path.Combine(_directory, "broken.json");
        File.WriteAllText(broken, "{\"schemaVersion\": 7}");
        var output = Path.Combine(_directory, "out");

        var exit = ReportCommand.Run(null, [ReportResults.PaperExamplePath, broken], output, _stdout, _stderr);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: " + broken, _stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void WithoutAnyResultsItExitsTwoAndSaysHowToGetThem()
    {
        Assert.Equal(2, ReportCommand.Run(null, [], Path.Combine(_directory, "out"), _stdout, _stderr));
        Assert.Contains("virtcluster bench --stack", _stderr.ToString(), StringComparison.Ordinal);
    }
}
