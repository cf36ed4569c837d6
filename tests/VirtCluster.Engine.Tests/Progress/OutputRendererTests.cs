using System.Text.Json.Nodes;
using VirtCluster.Engine.Progress;
using VirtCluster.Testing;

namespace VirtCluster.Engine.Tests.Progress;

/// <summary>
/// Stack outputs as text, over the outputs of a local stack as the benchmark stage leaves them (two nodes under
/// TCG, NetPIPE and HPCC on the VMs and on bare metal, 24 throughput points per series).
/// </summary>
public sealed class OutputRendererTests
{
    private static readonly string Outputs = Path.Combine(TestPaths.RepoRoot, "tests", "VirtCluster.Engine.Tests", "Cli", "Outputs");

    public static JsonObject LocalStack() => JsonNode.Parse(File.ReadAllText(Path.Combine(Outputs, "local-stack.json")))!.AsObject();

    public static string Pinned(string name) => File.ReadAllText(Path.Combine(Outputs, name));

    [Fact]
    public void TheLocalStacksOutputsReadAsAShortSummary()
    {
        var outputs = LocalStack();

        var rendered = OutputRenderer.All(outputs);

        Assert.Equal(Pinned("local-stack.txt"), rendered.Text);
        Assert.True(rendered.Abridged);
        Assert.All(rendered.Text.Split('\n'), line => Assert.True(line.Length <= TextTable.LineBudget, line));

        // A throughput point's value is counted, not printed; the JSON holds it, so the check could fail.
        Assert.Contains("101506.220032", outputs.ToJsonString());
        Assert.DoesNotContain("101506", rendered.Text);
    }

    [Fact]
    public void OneOutputReadsAsItsBlockAndAScalarStaysBareForScripts()
    {
        var outputs = LocalStack();

        var tables = OutputRenderer.One(outputs["tables"]);
        var count = OutputRenderer.One(outputs["nodeCount"]);
        var file = OutputRenderer.One(outputs["resultsFile"]);
        var ratio = OutputRenderer.One(outputs["ratios"]!["tcg"]!["netpipe"]!["bandwidth"]);

        Assert.Equal(Pinned("local-stack.tables.txt"), tables.Text);
        Assert.True(tables.Abridged);
        Assert.Equal(("2" + Environment.NewLine, false), (count.Text, count.Abridged));
        Assert.Equal("/home/user/virtcluster/.virtcluster/results/local/20261130T053202Z-f47c64/results.json" + Environment.NewLine, file.Text);
        Assert.Equal("0.3805997765015994" + Environment.NewLine, ratio.Text);
    }

    [Fact]
    public void LongListsAreCountedAndLongTablesCutWhileShortOnesAreShownWhole()
    {
        var outputs = new JsonObject
        {
            ["sizes"] = new JsonArray([.. Enumerable.Range(1, 400).Select(i => (JsonNode)i)]),
            ["hosts"] = new JsonArray([.. Enumerable.Range(1, 12).Select(i => (JsonNode)$"agc{i:00}")]),
            ["runs"] = new JsonArray([.. Enumerable.Range(1, 25).Select(i => (JsonNode)new JsonObject { ["id"] = $"r{i}", ["ok"] = i % 2 == 0 })]),
        };
        var small = new JsonObject
        {
            ["sizes"] = new JsonArray(1, 2, 4),
            ["hosts"] = new JsonArray("agc01", "agc02"),
            ["runs"] = new JsonArray(new JsonObject { ["id"] = "r1", ["ok"] = true }),
        };

        var large = OutputRenderer.All(outputs);
        var whole = OutputRenderer.All(small);

        var lines = large.Text.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("sizes  400 values", lines[0]);
        Assert.Equal(["hosts:", "  - agc01"], lines[2..4]);
        Assert.Equal(["  - agc10", "  … and 2 more", "", "runs:", "  id   ok", "  r1   false"], lines[12..18]);
        Assert.Equal(["  r20  true", "  … and 5 more", ""], lines[^3..]);
        Assert.True(large.Abridged);
        Assert.Equal(
            """
            sizes  1, 2, 4
            hosts  agc01, agc02

            runs:
              id  ok
              r1  true

            """.ReplaceLineEndings(),
            whole.Text);
        Assert.False(whole.Abridged);
    }

    [Theory]
    [InlineData("memoryBytes", "1073741824", "1 GiB")]
    [InlineData("memoryBytes", "1610612736", "1.5 GiB")]
    [InlineData("messageSizeBytes", "1", "1 B")]
    [InlineData("bandwidthBytesPerSecond", "4191861492.8097277", "4.19 GB/s")]
    [InlineData("bandwidthBytesPerSecond", "101506.22", "102 kB/s")]
    [InlineData("latencyUs", "0.84", "0.84 µs")]
    [InlineData("latencyUs", "183.145", "183.1 µs")]
    [InlineData("latency", "218.02976190476193", "218")]
    [InlineData("bandwidth", "0.3805997765015994", "0.3806")]
    [InlineData("value", "12345.6", "12346")]
    [InlineData("vcpus", "8", "8")]
    [InlineData("ok", "true", "true")]
    [InlineData("passthrough", "null", "-")]
    [InlineData("kernel", "\"6.1.0-28-amd64\"", "6.1.0-28-amd64")]
    [InlineData("hostKey", "\"line one\\nline two\\n\"", "line one … (2 lines)")]
    public void ANumberIsShownInTheUnitItsKeyNames(string key, string json, string shown) =>
        Assert.Equal(shown, ValueText.Format(JsonNode.Parse(json), key));
}
