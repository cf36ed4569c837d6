using VirtCluster.Remote;

namespace VirtCluster.Tests.Remote;

public sealed class SshRunnerCommandTests(SshdFixture sshd) : IClassFixture<SshdFixture>
{
    private SshRunner Runner => sshd.Runner;

    [Fact]
    public async Task CommandReturnsItsOutputAndExitStatusZero()
    {
        var result = await Runner.RunAsync(["echo", "hello", "world"]);

        Assert.Equal(0, result.ExitStatus);
        Assert.Null(result.Signal);
        Assert.Equal("hello world\n", result.Stdout);
        Assert.True(result.Succeeded);
        Assert.Equal(SshdFixture.HostName, result.Host);
        Assert.Equal("echo hello world", result.Command);
    }

    [Fact]
    public async Task NonZeroExitStatusIsReportedAndEnsureSuccessThrows()
    {
        var result = await Runner.RunScriptAsync("echo broken >&2; exit 3");

        Assert.Equal(3, result.ExitStatus);
        var error = Assert.Throws<RemoteCommandException>(() => result.EnsureSuccess("break things"));
        Assert.Equal(
            "Failed to break things on test-host: `sh -c 'echo broken >&2; exit 3'` exited with status 3. stderr:\nbroken",
            error.Message);
    }

    [Fact]
    public async Task StderrIsKeptApartFromStdout()
    {
        var result = await Runner.RunScriptAsync("echo to-out; echo to-err >&2; echo more-out");

        Assert.Equal("to-out\nmore-out\n", result.Stdout);
        Assert.Equal("to-err\n", result.Stderr);
    }

    [Fact]
    public async Task CommandKilledByASignalReportsTheSignalAndNoExitStatus()
    {
        var result = await Runner.RunScriptAsync("kill -TERM $$");

        Assert.Equal("TERM", result.Signal);
        Assert.Null(result.ExitStatus);
        Assert.False(result.TimedOut);
        Assert.Contains("was killed by SIGTERM", Assert.Throws<RemoteCommandException>(() => result.EnsureSuccess("stop")).Message);
    }

    [Fact]
    public async Task MissingProgramIsAnExitStatusNotAnException()
    {
        var result = await Runner.RunAsync(["no-such-program-here"]);

        Assert.Equal(127, result.ExitStatus);
        Assert.Contains("no-such-program-here", result.Stderr);
    }

    private static readonly string[] Hostile =
    [
        "two words",
        "it's",
        "say \"hi\"",
        "a;b",
        "; echo injected",
        "$(echo injected)",
        "`echo injected`",
        "${HOME}",
        "line1\nline2",
        "*",
        "-n",
        "--help",
        "",
        " ",
        "back\\slash",
        "tab\there",
        "'\"'\"'",
        "| cat > /tmp/x &",
        "ünïcødé ✓ 日本語",
        "!event",
        "~root",
        "#comment",
    ];

    public static TheoryData<string> HostileValues() => new(Hostile);

    [Theory]
    [MemberData(nameof(HostileValues))]
    public async Task HostileArgumentComesBackByteForByte(string value)
    {
        var result = await Runner.RunAsync(["printf", "%s\n", value]);

        result.EnsureSuccess("echo a hostile value");
        Assert.Equal(value + "\n", result.Stdout);
    }

    [Fact]
    public async Task ManyHostileArgumentsKeepTheirBoundaries()
    {
        var result = await Runner.RunAsync(["printf", "[%s]\n", .. Hostile]);

        Assert.Equal(string.Concat(Hostile.Select(v => $"[{v}]\n")), result.Stdout);
    }

    [Fact]
    public async Task LargeOutputArrivesComplete()
    {
        var result = await Runner.RunAsync(["seq", "1", "300000"]);

        var expected = string.Concat(Enumerable.Range(1, 300000).Select(i => i + "\n"));
        Assert.Equal(expected.Length, result.Stdout.Length);
        Assert.Equal(expected, result.Stdout);
        Assert.False(result.StdoutTruncated);
    }

    [Fact]
    public async Task CommandsCanRunConcurrentlyOnOneRunner()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Runner.RunAsync(["echo", i.ToString()])));

        Assert.Equal(Enumerable.Range(0, 8).Select(i => i + "\n"), results.Select(r => r.Stdout));
    }
}
