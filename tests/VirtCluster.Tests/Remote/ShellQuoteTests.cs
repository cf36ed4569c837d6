using VirtCluster.Remote;

namespace VirtCluster.Tests.Remote;

public sealed class ShellQuoteTests
{
    [Theory]
    [InlineData("mpirun")]
    [InlineData("--mca")]
    [InlineData("/usr/bin/hpcc")]
    [InlineData("a=b,c:d@e%f+g")]
    public void PlainWordsStayUnquoted(string word) => Assert.Equal(word, ShellQuote.Quote(word));

    [Fact]
    public void EmptyStringBecomesAnEmptyQuotedWord() => Assert.Equal("''", ShellQuote.Quote(""));

    [Fact]
    public void SingleQuotesAreClosedEscapedAndReopened() =>
        Assert.Equal(@"'it'\''s'", ShellQuote.Quote("it's"));

    [Fact]
    public void MetacharactersAreWrappedInSingleQuotes() =>
        Assert.Equal("'a; rm -rf / $(x) `y` *'", ShellQuote.Quote("a; rm -rf / $(x) `y` *"));

    [Fact]
    public void NulCannotBeQuoted() => Assert.Throws<ArgumentException>(() => ShellQuote.Quote("a\0b"));

    [Fact]
    public void JoinQuotesEachArgument() =>
        Assert.Equal("printf '%s\\n' 'two words' ''", ShellQuote.Join(["printf", "%s\\n", "two words", ""]));

    [Fact]
    public void JoinRejectsAnEmptyCommand() => Assert.Throws<ArgumentException>(() => ShellQuote.Join([]));
}
