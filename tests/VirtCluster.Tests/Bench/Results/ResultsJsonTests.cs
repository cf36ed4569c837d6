using System.Text.Json.Nodes;
using Json.Schema;
using VirtCluster.Bench.Metrics;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Parsers;
using VirtCluster.Bench.Results;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Bench.Results;

public sealed class ResultsJsonTests : IDisposable
{
    private static readonly string SchemaPath = Path.Combine(TestPaths.RepoRoot, "schemas", "results.schema.json");
    private static readonly string ExamplePath = Path.Combine(TestPaths.RepoRoot, "schemas", "examples", "paper-agc2011.results.json");
    private readonly string _directory = Directory.CreateTempSubdirectory("virtcluster-results-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void WrittenFileOfParsedRunsValidatesAgainstThePublishedSchema()
    {
        var path = Path.Combine(_directory, "results.json");
        ResultsJson.Write(ParsedResults(), path);

        var evaluation = Validate(File.ReadAllText(path));

        Assert.True(evaluation.IsValid, Describe(evaluation));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void WrittenFileReadsBackToTheSameRunsAndSamples()
    {
        var path = Path.Combine(_directory, "results.json");
        var written = ParsedResults();
        ResultsJson.Write(written, path);

        var read = ResultsJson.Read(path);

        Assert.Equal(written.Environments, read.Environments);
        Assert.Equal(written.Runs.Select(r => (r.Id, r.Status, r.Reason, r.Samples.Count)), read.Runs.Select(r => (r.Id, r.Status, r.Reason, r.Samples.Count)));
        Assert.Equal(written.Runs.SelectMany(r => r.Samples), read.Runs.SelectMany(r => r.Samples));
        Assert.Equal(Placement.InterNode, read.Runs[0].Samples[0].Meta.Placement);
        Assert.Equal("2", read.Runs[1].Samples[0].Meta.Parameters["groups"]);
    }

    [Fact]
    public void PaperTable3ExampleValidatesLoadsAndGivesThePublishedOverheads()
    {
        Assert.True(Validate(File.ReadAllText(ExamplePath)).IsValid);

        var results = ResultsJson.Read(ExamplePath);
        var rows = Overhead.Build(results.Runs.SelectMany(r => r.Samples), "bmm");

        Assert.Equal(9, rows.Count);
        Assert.Equal(20.7, Math.Round(rows.Single(r => r.Benchmark == "SP-MZ" && r.Environment == "kvm").OverheadPercent, 1));
        Assert.Equal((22.98, 21.00, "min"), rows.Where(r => r.Benchmark == "Bloss" && r.Environment == "kvm").Select(r => (r.Value, r.Baseline, r.Unit)).Single());
    }

    [Theory]
    [InlineData("\"status\": \"ok\"", "\"status\": \"done\"")]
    [InlineData("\"unit\": \"s\"", "\"unit\": \"h\"")]
    [InlineData("\"placement\": \"none\"", "\"placement\": \"sideways\"")]
    [InlineData("\"schemaVersion\": 1", "\"schemaVersion\": 2")]
    [InlineData("\"hcaFirmware\": \"2.7.80\"", "\"hcaFirmware\": \"2.7.80\", \"colour\": \"blue\"")]
    public void SchemaRejectsValuesOutsideTheFormat(string valid, string invalid)
    {
        var text = File.ReadAllText(ExamplePath);
        Assert.Contains(valid, text);

        Assert.False(Validate(text.Replace(valid, invalid)).IsValid);
    }

    [Fact]
    public void AUsersProgramIsRecordedByItsSha256InHex()
    {
        const string sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        var parsed = ParsedResults();
        var results = parsed with { Environments = [parsed.Environments[0] with { Binaries = new Dictionary<string, string> { ["imb"] = sha256 } }] };

        var json = ResultsJson.Serialize(results);

        Assert.True(Validate(json).IsValid, Describe(Validate(json)));
        Assert.Equal(sha256, ResultsJson.Deserialize(json, "r.json").Environments[0].Binaries!["imb"]);
        Assert.False(Validate(json.Replace(sha256, "sha256:" + sha256, StringComparison.Ordinal)).IsValid);
        Assert.DoesNotContain("binaries", ResultsJson.Serialize(parsed), StringComparison.Ordinal);
    }

    [Fact]
    public void FailedRunWithoutReasonIsRejectedBySchemaAndReader()
    {
        var text = File.ReadAllText(ExamplePath).Replace("\"status\": \"ok\"", "\"status\": \"failed\"");

        Assert.False(Validate(text).IsValid);
        Assert.Contains("has no reason", Assert.Throws<InvalidDataException>(() => ResultsJson.Deserialize(text, "r.json")).Message);
    }

    [Fact]
    public void RunOfAnUndescribedEnvironmentIsRejected()
    {
        var text = File.ReadAllText(ExamplePath).Replace("\"environment\": \"kvm\"", "\"environment\": \"vmware\"");

        Assert.Contains("'vmware', which the file does not describe", Assert.Throws<InvalidDataException>(() => ResultsJson.Deserialize(text, "r.json")).Message);
    }

    [Fact]
    public void AFileWithoutEnvironmentsOrWithOneDescribedTwiceIsRejected()
    {
        var text = File.ReadAllText(ExamplePath);
        var noEnvironments = ResultsJson.Serialize(ResultsJson.Deserialize(text, "r.json") with { Environments = [], Runs = [] });
        var twice = text.Replace("\"name\": \"xen\"", "\"name\": \"kvm\"", StringComparison.Ordinal);

        Assert.Equal("r.json: the results file describes no environments", Assert.Throws<InvalidDataException>(() => ResultsJson.Deserialize(noEnvironments, "r.json")).Message);
        Assert.Equal(
            "r.json: environment 'kvm' is described twice, so runs that refer to it are ambiguous",
            Assert.Throws<InvalidDataException>(() => ResultsJson.Deserialize(twice, "r.json")).Message);
    }

    [Fact]
    public void ADirectoryIsNotAResultsFile() =>
        Assert.Equal($"{_directory}: is a directory, not a results file", Assert.Throws<InvalidDataException>(() => ResultsJson.Read(_directory)).Message);

    [Fact]
    public void BrokenJsonIsAnErrorNamingTheFile() =>
        Assert.StartsWith("r.json", Assert.Throws<InvalidDataException>(() => ResultsJson.Deserialize("{\"schemaVersion\": 1,", "r.json")).Message);

    private static ResultsFile ParsedResults()
    {
        var imb = Parse(new ImbParser(), "imb", "stackhpc-imb2019u5-pingpong-2nodes-ib-ompi4.txt");
        var npOut = Parse(new NetPipeParser(), "netpipe", "local-debian12-NPopenmpi-3.7.2-2ranks-shm-stdout.txt");
        var multi = Parse(new ImbParser(), "imb", "pkb-imb2019u6-multi-pingpong-1k-2k.txt");
        Sample Tag(Sample s) => s with
        {
            Meta = s.Meta with
            {
                Placement = Placement.InterNode, Nodes = 2, Threads = 1, EnvironmentKind = EnvironmentKind.Tcg,
                EnvironmentName = "local", RunId = "run-1",
                Parameters = new Dictionary<string, string> { ["groups"] = "2" },
            },
        };
        return new ResultsFile(
            ResultsFile.CurrentSchemaVersion,
            "run-1",
            new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero),
            "debian",
            [new EnvironmentFingerprint("local", EnvironmentKind.Tcg, Kernel: "6.1.0-27-amd64", LibvirtVersion: "9.0.0", QemuVersion: "7.2.0",
                Hypervisor: "qemu (tcg)", ImageDigest: "sha256:00ff", MpiVersion: "Open MPI 4.1.4", ConfigHash: "sha256:abcd")],
            [
                new RunRecord("imb/inter-node/np2", "imb", "local", RunStatus.Ok, imb.Samples.Select(Tag).ToList(), RawOutput: "raw/imb.out"),
                new RunRecord("imb-multi/np4", "imb", "local", RunStatus.Ok, multi.Samples.Select(Tag).ToList()),
                new RunRecord("netpipe/inter-node/np2", "netpipe", "local", RunStatus.Failed, [], npOut.Runs[0].Reason, "raw/netpipe.out"),
            ]);
    }

    private static ParseResult Parse(IBenchmarkParser parser, string folder, string file)
    {
        var path = TestPaths.Fixture(folder, file);
        using var reader = new StreamReader(path);
        return parser.Parse(reader, path);
    }

    private static EvaluationResults Validate(string json) =>
        JsonSchema.FromFile(SchemaPath).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")));
}
