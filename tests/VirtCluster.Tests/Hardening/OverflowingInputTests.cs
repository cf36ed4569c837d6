using VirtCluster.Bench.Parsers;
using VirtCluster.Bench.Suites;
using VirtCluster.Engine.Config;
using VirtCluster.Images;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Hardening;

/// <summary>
/// Inputs the fuzz tests found: numbers at the edge of their type and files cut off inside a list. Each must be
/// refused with the documented exception naming where, or parsed into finite values; never another exception,
/// never an infinite sample in the results.
/// </summary>
public sealed class OverflowingInputTests
{
    [Theory]
    [InlineData("netpipe", "local-debian12-NPopenmpi-3.7.2-2ranks-shm-np.out.txt", "     765 640.190516   0.00000912", "     765 1.7976931348623157e308   0.00000912")]
    [InlineData("netpipe", "ompi-fork-np.out-netpipe3-mpi-1B-8MB.txt", " 6291456 4619.242205   0.01039131", " 6291456 4619.242205   1.7976931348623157e308")]
    [InlineData("hpcc", "local-debian12-hpcc-1.5.0-3-4ranks-example-input-hpccoutf.txt", "MinPingPongBandwidth_GBytes=1.41176", "MinPingPongBandwidth_GBytes=1.7976931348623157e308")]
    [InlineData("imb", "stackhpc-imb2019u5-pingpong-2nodes-ib-ompi4.txt", "Benchmarks 2019 Update", "Benchmarks 2147483648 Update")]
    public void AValueThatOverflowsWhenConvertedIsRefusedOrParsedFinite(string format, string fixture, string line, string replacement)
    {
        var text = File.ReadAllText(TestPaths.Fixture(format, fixture));
        Assert.Contains(line, text);
        Assert.True(BenchmarkParsers.TryGet(format, out var parser));

        var error = Record.Exception(() =>
        {
            var result = parser.Parse(new StringReader(text.Replace(line, replacement)), fixture);
            Assert.All(result.Samples, s => Assert.True(double.IsFinite(s.Value), $"{s.Metric} = {s.Value}"));
        });

        Assert.True(error is null or BenchmarkParseException, error?.ToString());
    }

    [Fact]
    public void ASuiteTimeoutTooLongForATimeSpanIsAConfigErrorNamingTheKey()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "suites", "debian.yaml"));
        Assert.Contains("timeout: 15m", text);

        var error = Record.Exception(() => SuiteLoader.Parse(text.Replace("timeout: 15m", "timeout: 9223372036854775808m"), "debian.yaml"));

        Assert.IsType<ConfigException>(error);
        Assert.Contains("timeout", ((ConfigException)error).Key);
    }

    [Theory]
    [InlineData("size: 99999999999999999999G")]
    [InlineData("size: 9999999999999G")]
    public void AnImageSizeBeyondWhatALongHoldsIsAConfigErrorNotAWrappedNumber(string size)
    {
        var spec = Path.Combine(TestPaths.RepoRoot, "images", "hpc-node.yaml");
        var text = File.ReadAllText(spec);
        Assert.Contains("size: 3G\n", text);

        var error = Record.Exception(() => ImageSpecLoader.Parse(text.Replace("size: 3G\n", size + "\n"), spec));

        Assert.IsType<ConfigException>(error);
        Assert.Contains("too large", error.Message);
    }

    [Fact]
    public void AnImageSpecCutOffInsideAnUnclosedListIsAConfigError()
    {
        var spec = Path.Combine(TestPaths.RepoRoot, "images", "hpc-node.yaml");

        var error = Record.Exception(() => ImageSpecLoader.Parse("name: n\nsuite: bookworm\npackages: [a, b\nsize: 3G\n", spec));

        var config = Assert.IsType<ConfigException>(error);
        Assert.Contains("a '[' or '{' here is never closed", config.Message);
        Assert.True(config.Location!.Line >= 3, $"the error points at line {config.Location.Line}, before the open list: {config.Message}");
    }

    [Fact]
    public void ASuiteCutOffInsideAnUnclosedListIsAYamlSyntaxError()
    {
        const string suite = "name: s\nbenchmarks:\n  b:\n    parser: imb\n    metrics: [time_\n    repetitions: 3\n";

        var error = Record.Exception(() => SuiteLoader.Parse(suite, "s.yaml"));

        Assert.IsType<ConfigException>(error);
        Assert.StartsWith("s.yaml:", error.Message);
    }
}
