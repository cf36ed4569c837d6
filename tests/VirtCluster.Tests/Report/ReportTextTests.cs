using VirtCluster.Report;
using VirtCluster.Report.Charts;

namespace VirtCluster.Tests.Report;

public sealed class ReportTextTests
{
    [Theory]
    [InlineData(0, "1 B")]
    [InlineData(9, "512 B")]
    [InlineData(10, "1 KiB")]
    [InlineData(23, "8 MiB")]
    [InlineData(30, "1 GiB")]
    public void PowersOfTwoAreLabelledInTheLargestWholeBinaryUnit(int power, string label) =>
        Assert.Equal(label, Log2Axis.ByteLabel(power));

    [Theory]
    [InlineData("SP-MZ class C", "sp-mz-class-c")]
    [InlineData("IMB PingPong", "imb-pingpong")]
    [InlineData("../<x>", "x")]
    [InlineData("***", "unnamed")]
    public void SlugsAreSafeFileNames(string text, string slug) =>
        Assert.Equal(slug, ReportModelBuilder.Slug(text));

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("<b>*x*</b>", "&lt;b&gt;\\*x\\*&lt;/b&gt;")]
    [InlineData("two\nlines", "two lines")]
    public void MarkdownTextCannotBreakTablesOrInjectHtml(string text, string escaped) =>
        Assert.Equal(escaped, MarkdownReportWriter.M(text));
}
