using VirtCluster.Remote;

namespace VirtCluster.Tests.Remote;

public sealed class CommandResultTests
{
    private static CommandResult Result(int? status, string? signal = null, string stderr = "", bool timedOut = false) =>
        new(status, signal, "out", stderr, TimeSpan.FromSeconds(2), timedOut) { Host = "node01", Command = "hpcc -x" };

    [Fact]
    public void ExitStatusZeroIsSuccessAndIsReturnedAsIs()
    {
        var result = Result(0);
        Assert.Same(result, result.EnsureSuccess("run hpcc"));
    }

    [Fact]
    public void NonZeroExitNamesHostCommandStatusAndStderr()
    {
        var error = Assert.Throws<RemoteCommandException>(() => Result(3, stderr: "hpcc: no input\n").EnsureSuccess("run hpcc"));
        Assert.Equal("Failed to run hpcc on node01: `hpcc -x` exited with status 3. stderr:\nhpcc: no input", error.Message);
        Assert.Equal("node01", error.Host);
        Assert.Equal(3, error.Result.ExitStatus);
    }

    [Fact]
    public void DeathBySignalIsAFailure()
    {
        var error = Assert.Throws<RemoteCommandException>(() => Result(null, "KILL").EnsureSuccess("run hpcc"));
        Assert.Contains("was killed by SIGKILL", error.Message);
        Assert.Contains("It wrote nothing to stderr.", error.Message);
    }

    [Fact]
    public void TimeoutIsAFailureEvenIfTheCommandExitedZero()
    {
        var error = Assert.Throws<RemoteCommandException>(() => Result(0, "TERM", timedOut: true).EnsureSuccess("run hpcc"));
        Assert.Contains("timed out after 2.0 s (stopped with SIGTERM)", error.Message);
    }

    [Fact]
    public void OnlyTheTailOfALongStderrIsQuoted()
    {
        var stderr = new string('x', 5000) + "THE END";
        var error = Assert.Throws<RemoteCommandException>(() => Result(1, stderr: stderr).EnsureSuccess("run hpcc"));
        Assert.EndsWith("THE END", error.Message);
        Assert.True(error.Message.Length < 2300, error.Message.Length.ToString());
    }
}
