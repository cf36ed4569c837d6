using System.Text;
using VirtCluster.Bench.Parsers;
using static VirtCluster.Tests.Bench.Parsers.ParserTestData;

namespace VirtCluster.Tests.Bench.Parsers;

/// <summary>Whatever the format, unusable input is a <see cref="BenchmarkParseException"/> naming where and why.</summary>
public sealed class MalformedOutputTests
{
    public static TheoryData<string> Formats() => [.. BenchmarkParsers.Formats];

    [Theory]
    [MemberData(nameof(Formats))]
    public void BinaryDataIsAnErrorNamingItsLine(string format)
    {
        var error = Assert.Throws<BenchmarkParseException>(() => ParseText(Parser(format), "line one\nline two\n\u007fELF\u0002\u0001\u0001\0\0\0", "a.out"));

        Assert.Equal(3, error.Line);
        Assert.StartsWith("a.out:3: binary data", error.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void InvalidUtf8IsTreatedAsBinary(string format)
    {
        using var reader = new StreamReader(new MemoryStream([0x41, 0x0a, 0xff, 0xfe, 0x80]), Encoding.UTF8);

        var error = Assert.Throws<BenchmarkParseException>(() => Parser(format).Parse(reader, "random.bin"));

        Assert.Equal(2, error.Line);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void HugeLineIsAnErrorInsteadOfAMemoryHazard(string format)
    {
        var error = Assert.Throws<BenchmarkParseException>(() => ParseText(Parser(format), "ok\n" + new string('x', 10_000_000), "huge.txt"));

        Assert.Equal(2, error.Line);
        Assert.Contains("longer than 65536 characters", error.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void TextOfAnotherKindIsAnErrorNotAnEmptyResult(string format)
    {
        var error = Assert.Throws<BenchmarkParseException>(() =>
            ParseText(Parser(format), "Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit.\n", "notes.txt"));

        Assert.Equal(0, error.Line);
        Assert.StartsWith("notes.txt:0: ", error.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void EmptyOutputIsAnError(string format) =>
        Assert.Throws<BenchmarkParseException>(() => ParseText(Parser(format), ""));

    private static IBenchmarkParser Parser(string format) =>
        BenchmarkParsers.TryGet(format, out var parser) ? parser : throw new InvalidOperationException(format);
}
