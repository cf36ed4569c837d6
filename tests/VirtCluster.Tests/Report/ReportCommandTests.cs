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
