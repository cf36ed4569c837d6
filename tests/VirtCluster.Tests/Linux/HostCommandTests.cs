using VirtCluster.Linux;

namespace VirtCluster.Tests.Linux;

public sealed class HostCommandTests
{
    [Fact]
    public async Task AFailureNamesTheProgramAndItsExitCodeWithTheLastLines()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostCommand.RunCheckedAsync("sh", ["-c", "for i in $(seq 1 100); do echo line $i; done; exit 3"], null, CancellationToken.None));

        Assert.StartsWith("'sh' failed with exit code 3:", error.Message);
        Assert.Contains("line 100", error.Message);
        Assert.DoesNotContain("line 70\n", error.Message);
    }

    [Fact]
    public async Task AFullDiskReportedLongBeforeTheEndIsKeptInTheMessage()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostCommand.RunCheckedAsync("sh",
                ["-c", "echo 'tar: ./usr/bin/perl: Cannot write: No space left on device'; for i in $(seq 1 100); do echo dpkg: error $i; done; exit 25"],
                null, CancellationToken.None));

        Assert.Contains("tar: ./usr/bin/perl: Cannot write: No space left on device\n...\n", error.Message);
        Assert.Contains("dpkg: error 100", error.Message);
    }

    [Fact]
    public async Task OutputBeyondTheLimitIsReadAndDroppedAndMarked()
    {
        var result = await HostCommand.RunAsync(
            ["sh", "-c", "printf 0123456789; printf abc >&2"], new ProcessOptions { OutputLimit = 4 }, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0123", result.Stdout);
        Assert.True(result.StdoutTruncated);
        Assert.Equal("abc", result.Stderr);
        Assert.False(result.StderrTruncated);
    }

    [Fact]
    public async Task CancellationStopsTheProgramAndThrows()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            HostCommand.RunAsync(["sleep", "60"], ProcessOptions.None, cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task AProgramThatCannotStartIsAResultNamingWhyAndTheCheckedRunSaysSo()
    {
        var result = await HostCommand.RunAsync(["/nonexistent/program"], ProcessOptions.None, CancellationToken.None);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostCommand.RunCheckedAsync("/nonexistent/program", [], null, CancellationToken.None));

        Assert.Null(result.ExitCode);
        Assert.NotNull(result.StartError);
        Assert.StartsWith("cannot run '/nonexistent/program': ", error.Message);
    }
}
