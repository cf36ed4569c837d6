using VirtCluster.Images;

namespace VirtCluster.Tests.Images;

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
}
