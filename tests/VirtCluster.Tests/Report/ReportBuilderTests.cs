using System.Text.RegularExpressions;
using System.Xml.Linq;
using VirtCluster.Bench.Metrics;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Report;

namespace VirtCluster.Tests.Report;

public sealed partial class ReportBuilderTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly string _directory = Directory.CreateTempSubdirectory("virtcluster-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void HtmlShowsThePapersLatencyWithRatiosToIntraSocketAndToBareMetal()
    {
        var html = File.ReadAllText(WritePaperAndLocal().Html);

        Assert.Contains("<td>xen</td><td>0.41 (×1.00)</td><td>0.83 (×2.02)</td><td>3.30 (×8.05)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>bmm</td><td>0.41 (×1.00)</td><td>0.86 (×2.10)</td><td>1.79 (×4.37)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>xen</td><td class=\"label\">bmm</td><td>×1.00</td><td>×0.97</td><td>×1.84</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlShowsThePapersSingleNodeTimesWithOverheadAgainstBareMetal()
    {
        var html = File.ReadAllText(WritePaperAndLocal().Html);

        Assert.Contains("<td>SP-MZ class C</td><td class=\"label\">s</td><td>86.45</td><td>100.12 (+15.8 %)</td><td>104.36 (+20.7 %)</td><td>88.00 (+1.8 %)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Benchmark</th><th class=\"label\">Unit</th><th>bmm</th><th>xen</th><th>kvm</th><th>ec2</th></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlShowsEfficiencyPerProcessCountAndTheFailedRunsReason()
    {
        var html = File.ReadAllText(WritePaperAndLocal().Html);

        Assert.Contains("<td>64</td><td>88.0 %", html, StringComparison.Ordinal);
        Assert.Contains("<td>59.0 %", html, StringComparison.Ordinal);
        Assert.Contains("<td>local</td><td>bt-mz/np4</td><td>bt-mz</td><td>timed out after 30m</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePapersFileAloneGivesEveryPublishedNumberInItsTables()
    {
        var markdown = File.ReadAllText(new ReportBuilder([ResultsJson.Read(ReportResults.PaperExamplePath)]).Write(_directory).Markdown);

        string[] expected =
        [
            "| bmm | 0.41 (×1.00) | 0.86 (×2.10) | 1.79 (×4.37) |",
            "| xen | 0.41 (×1.00) | 0.83 (×2.02) | 3.30 (×8.05) |",
            "| kvm | 0.54 (×1.00) | 1.21 (×2.24) | 1.71 (×3.17) |",
            "| kvm | bmm | ×1.32 | ×1.41 | ×0.96 |",
            "| bmm | intra-socket | 5700.0 | not published |",
            "| bmm | inter-socket | 3900.0 | not published |",
            "| bmm | inter-node | about 2500.0 | not published |",
            "| Benchmark | Unit | bmm | xen | kvm | ec2 |",
            "| SP-MZ class C | s | 86.45 | 100.12 (+15.8 %) | 104.36 (+20.7 %) | 88.00 (+1.8 %) |",
            "| BT-MZ class C | s | 132.06 | 137.66 (+4.2 %) | 144.92 (+9.7 %) | 126.01 (-4.6 %) |",
            "| Bloss | min | 21.00 | 22.38 (+6.6 %) | 22.98 (+9.4 %) | 20.00 (-4.8 %) |",
            "| Benchmark | Nodes | Processes × threads | bmm | xen | kvm | ec2 |",
            "| SP-MZ class C | 16 | 64 × 2 | 88 % | 59 % | 88 % | – |",
            "| BT-MZ class C | 16 | 64 × 2 | 85 % | 59 % | 86 % | – |",
            "| Bloss | 16 | 32 × 4 | 78 % | 72 % | 71 % | 63 % |",
        ];
        Assert.All(expected, line => Assert.Contains(line + "\n", markdown, StringComparison.Ordinal));
    }

    [Fact]
    public void HtmlIsSelfContainedWithEveryChartEmbedded()
    {
        var written = WritePaperAndLocal();
        var html = File.ReadAllText(written.Html);

        var sources = SourceAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, sources.Count);
        Assert.All(sources, s => Assert.StartsWith("data:image/png;base64,", s, StringComparison.Ordinal));
        Assert.All(sources, s => Assert.Equal(PngSignature, Convert.FromBase64String(s["data:image/png;base64,".Length..])[..8]));
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ChartsAreWrittenAsValidPngAndSvgFilesWithLabelledAxes()
    {
        var written = WritePaperAndLocal();

        Assert.Equal(
            ["efficiency-sp-mz-class-c.png", "efficiency-sp-mz-class-c.svg", "efficiency-sp-mz-class-w.png", "efficiency-sp-mz-class-w.svg", "throughput-netpipe.png", "throughput-netpipe.svg"],
            written.Charts.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var png in written.Charts.Where(c => c.EndsWith(".png", StringComparison.Ordinal)))
        {
            Assert.Equal(PngSignature, File.ReadAllBytes(png)[..8]);
        }

        var throughput = XDocument.Load(written.Charts.Single(c => c.EndsWith("throughput-netpipe.svg", StringComparison.Ordinal)));
        Assert.Equal("svg", throughput.Root!.Name.LocalName);
        var texts = throughput.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("Throughput (MB/s, log scale)", texts);
        Assert.Contains("Message size (bytes, log scale)", texts);
        Assert.Equal(["1 B", "32 B", "1 KiB", "32 KiB", "1 MiB"], texts.Where(t => t.EndsWith('B')));

        var efficiency = XDocument.Load(written.Charts.Single(c => c.EndsWith("efficiency-sp-mz-class-c.svg", StringComparison.Ordinal)));
        var labels = efficiency.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("Parallel efficiency (%)", labels);
        Assert.Contains("ideal (linear scaling)", labels);
        Assert.Contains("xen", labels);
        Assert.Contains("64", labels);
    }

    [Fact]
    public void MarkdownHasTheSameTablesAndLinksTheChartFiles()
    {
        var markdown = File.ReadAllText(WritePaperAndLocal().Markdown);

        Assert.Contains("| Environment | intra-socket (us) | inter-socket (us) | inter-node (us) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| --- | ---: | ---: | ---: |", markdown, StringComparison.Ordinal);
        Assert.Contains("| xen | 0.41 (×1.00) | 0.83 (×2.02) | 3.30 (×8.05) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| SP-MZ class C | s | 86.45 | 100.12 (+15.8 %) | 104.36 (+20.7 %) | 88.00 (+1.8 %) |", markdown, StringComparison.Ordinal);
        Assert.Contains("](charts/throughput-netpipe.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("| local | bt-mz/np4 | bt-mz | timed out after 30m |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileEnvironmentNamesAreEscapedEverywhere()
    {
        const string hostile = "<script>alert(1)</script>|x";
        var written = new ReportBuilder([ReportResults.Paper(), ReportResults.Local(environment: hostile)]).Write(_directory);

        var html = File.ReadAllText(written.Html);
        var markdown = File.ReadAllText(written.Markdown);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;|x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;\\|x", markdown, StringComparison.Ordinal);
        foreach (var svg in written.Charts.Where(c => c.EndsWith(".svg", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("<script", File.ReadAllText(svg), StringComparison.OrdinalIgnoreCase);
            Assert.Equal("svg", XDocument.Load(svg).Root!.Name.LocalName);
        }
    }

    [Fact]
    public void TwoRunsOfOneStackWithDifferentKernelsGetAVisibleFingerprintWarning()
    {
        var written = new ReportBuilder([ReportResults.Local(runId: "monday"), ReportResults.Local(runId: "tuesday", kernel: "6.1.0-30-amd64")]).Write(_directory);

        var html = File.ReadAllText(written.Html);
        Assert.Contains(
            "<p class=\"note\"><b>Fingerprints differ.</b> &#39;local (monday)&#39; and &#39;local (tuesday)&#39; share a name but their fingerprints differ in kernel",
            html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"differs\"><td>kernel</td><td>6.1.0-28-amd64</td><td>6.1.0-30-amd64</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("**kernel** (differs)", File.ReadAllText(written.Markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoRunsOfOneStackWithTheSameFingerprintAreSaidToDifferOnlyByNoise()
    {
        var model = new ReportBuilder([ReportResults.Local(runId: "monday"), ReportResults.Local(runId: "tuesday")]).Model;

        Assert.Equal(
            "'local (monday)' and 'local (tuesday)' have identical fingerprints (8 of 11 parts recorded): differences between them are measurement noise.",
            Assert.Single(model.FingerprintNotes).Text);
        Assert.Empty(model.DifferingFingerprintFields);
        Assert.Equal(["local (monday)", "local (tuesday)"], model.Environments.Select(e => e.Label));
    }

    [Fact]
    public void EachFileIsComparedWithItsOwnBareMetalOrElseItsFirstEnvironment()
    {
        var model = new ReportBuilder([ReportResults.Local(), ReportResults.Paper()]).Model;

        Assert.Equal(["local", "bmm"], model.Sources.Select(s => s.Baseline));
        Assert.Equal(["local", "bmm", "bmm", "bmm", "bmm"], model.Environments.Select(e => e.Baseline));
    }

    [Fact]
    public void TheStacksOwnBareMetalDoesNotHideThePapersTable3()
    {
        var report = new ReportBuilder([ReportResults.Local(bareMetal: true), ReportResults.Paper()]);

        Assert.Equal(["bmm (local-run)", "bmm (agc2011)"], report.Model.Overhead.Select(s => s.Source.Baseline));
        var html = File.ReadAllText(report.Write(_directory).Html);
        Assert.Contains("<h3>Run local-run (suite debian), against bmm (local-run)</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>SP-MZ class W</td><td class=\"label\">s</td><td>10.00</td><td>30.00 (+200.0 %)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Run agc2011 (suite paper), against bmm (agc2011)</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<td>SP-MZ class C</td><td class=\"label\">s</td><td>86.45</td><td>100.12 (+15.8 %)</td><td>104.36 (+20.7 %)</td><td>88.00 (+1.8 %)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("&#39;bmm (local-run)&#39; and &#39;bmm (agc2011)&#39; share a name but their fingerprints differ in kernel", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleNodeHplRatesGetAnOverheadRowBesideTheTimesWhereLowerRatesAreWorse()
    {
        var local = ReportResults.Local(bareMetal: true);
        var hpl = local with
        {
            Runs =
            [
                .. local.Runs,
                Hpl("hpcc/np1/bmm", "bmm", EnvironmentKind.BareMetal, 4.0, nodes: 1),
                Hpl("hpcc/np1/tcg", "local", EnvironmentKind.Tcg, 0.5, nodes: 1),
                Hpl("hpcc/np2/bmm", "bmm", EnvironmentKind.BareMetal, 6.0, nodes: 2),
                Hpl("hpcc/np2/tcg", "local", EnvironmentKind.Tcg, 0.1, nodes: 2),
            ],
        };

        var report = new ReportBuilder([hpl]);

        var rows = Assert.Single(report.Model.Overhead).Rows;
        Assert.Equal(
            [new OverheadRow("SP-MZ class W", "local", 30.0, 10.0, 200.0, Units.Seconds), new OverheadRow("HPCC HPL", "local", 0.5, 4.0, 700.0, Units.GigaflopsPerSecond)],
            rows);
        var html = File.ReadAllText(report.Write(_directory).Html);
        Assert.Contains("<tr><td>HPCC HPL</td><td class=\"label\">GFLOP/s</td><td>4.00</td><td>0.50 (+700.0 %)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("Wall time on one node (for HPL its rate), median of repetitions; in brackets the overhead against bmm (positive = worse: slower, or a lower rate).", html, StringComparison.Ordinal);
    }

    private static RunRecord Hpl(string id, string environment, EnvironmentKind kind, double gflops, int nodes) =>
        new(id, "hpcc", environment, RunStatus.Ok,
            [new Sample("HPL", gflops, Units.GigaflopsPerSecond, new SampleMeta("HPCC", Nodes: nodes, Ranks: nodes, EnvironmentKind: kind, EnvironmentName: environment))]);

    [Fact]
    public void SectionsWithoutSamplesSaySoInsteadOfShowingEmptyTables()
    {
        var local = ReportResults.Local();
        var onlyFailed = local with { Runs = [.. local.Runs.Where(r => r.Status == RunStatus.Failed)] };

        var html = File.ReadAllText(new ReportBuilder([onlyFailed]).Write(_directory).Html);

        Assert.Contains("No latency samples in these results.", html, StringComparison.Ordinal);
        Assert.Contains("No bandwidth samples in these results.", html, StringComparison.Ordinal);
        Assert.Contains("No results file in these results has single-node times of its baseline and another environment.", html, StringComparison.Ordinal);
        Assert.Contains("No benchmark was run at two or more process counts in these results, and none states an efficiency.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("None: every run produced numbers.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ProblemClassesAreReportedAsSeparateBenchmarks()
    {
        var model = new ReportBuilder([ReportResults.Paper(), ReportResults.Local()]).Model;

        Assert.DoesNotContain(model.Overhead.SelectMany(s => s.Rows), r => r.Environment == "local");
        Assert.Equal(["SP-MZ class C", "SP-MZ class W"], model.Efficiency.Select(e => e.Benchmark));
        Assert.Equal(Placement.InterNode, Assert.Single(model.Throughput.Single(t => t.Title == "NetPIPE").Series).Placement);
    }

    [Fact]
    public void BenchmarksWhoseNamesMakeTheSameFileNameGetDistinctCharts()
    {
        var local = ReportResults.Local();
        var renamed = local with
        {
            Runs = [.. local.Runs, .. local.Runs.Where(r => r.Benchmark == "SP-MZ").Select(r => r with
            {
                Id = r.Id + "-copy",
                Samples = [.. r.Samples.Select(s => s with { Meta = s.Meta with { Benchmark = "sp mz" } })],
            })],
        };

        var written = new ReportBuilder([renamed]).Write(_directory);

        Assert.Equal(
            ["efficiency-sp-mz-class-w-2.png", "efficiency-sp-mz-class-w.png"],
            written.Charts.Where(c => c.Contains("efficiency", StringComparison.Ordinal) && c.EndsWith(".png", StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private ReportFiles WritePaperAndLocal() =>
        new ReportBuilder([ReportResults.Paper(), ReportResults.Local()]).Write(_directory);

    [GeneratedRegex("src=\"([^\"]*)\"")]
    private static partial Regex SourceAttribute();
}
