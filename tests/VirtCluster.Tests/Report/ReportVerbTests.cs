using VirtCluster.App;
using VirtCluster.Engine.Cli;
using VirtCluster.Sdk;

namespace VirtCluster.Tests.Report;

/// <summary>The <c>report</c> verb as a user types it: from results files alone, outside any project.</summary>
public sealed class ReportVerbTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("virtcluster-report-verb-").FullName;
    private readonly VirtClusterPackage _package = new();
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public void Dispose()
    {
        _package.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("--results")]
    [InlineData("--compare")]
    public async Task ResultsAloneNeedNoStackNorProject(string option)
    {
        var output = Path.Combine(_directory, "paper");

        var exit = await Run(["report", option, ReportResults.PaperExamplePath, "--out", output, "--cwd", _directory]);

        Assert.Equal(0, exit);
        Assert.Equal("", _stderr.ToString());
        Assert.Contains("  Bloss          min    21.00    22.38 (+6.6 %)    22.98 (+9.4 %)   20.00 (-4.8 %)\n", _stdout.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
    }

    [Fact]
    public async Task AStackGivenBesideResultsMustExist()
    {
        var exit = await Run(["report", "--stack", "nosuch", "--results", ReportResults.PaperExamplePath, "--out", Path.Combine(_directory, "out"), "--cwd", _directory]);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", _stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory, "out")));
    }

    [Fact]
    public async Task HelpNamesBothWaysOfGivingResults()
    {
        await Run(["report", "--help"]);

        Assert.Contains("--compare, --results <FILE>", _stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("--compare is the same option under its former name", _stdout.ToString(), StringComparison.Ordinal);
    }

    private Task<int> Run(string[] args) =>
        Deployment.RunAsync(() => Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>()), args, new DeploymentSettings
        {
            PackageInstances = [_package],
            Host = new EngineHost((_, _) => Task.CompletedTask, _ => []) { Output = _stdout, Error = _stderr, InputIsTerminal = false, OutputIsTerminal = false },
        });
}
