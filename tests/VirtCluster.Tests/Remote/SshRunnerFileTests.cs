using System.Runtime.Versioning;
using System.Text;
using VirtCluster.Remote;

namespace VirtCluster.Tests.Remote;

[SupportedOSPlatform("linux")]
public sealed class SshRunnerFileTests(SshdFixture sshd) : IClassFixture<SshdFixture>, IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly DirectoryInfo _local = Directory.CreateTempSubdirectory("vct-sftp-local-");

    // sshd runs on this machine, so a folder in the fixture's directory is the "remote" side.
    private string Remote(string name) => Path.Combine(sshd.Server.Directory, name);

    private SshRunner Runner => sshd.Runner;

    public void Dispose() => _local.Delete(recursive: true);

    private async Task<string> RemoteModeAsync(string path) =>
        (await Runner.RunAsync(["stat", "-c", "%a", path])).EnsureSuccess("read a file mode").Stdout.Trim();

    [Fact]
    public async Task UploadedStreamHasTheContentAndTheRequestedMode()
    {
        var content = "secret key material\n" + new string('k', 300_000);
        var target = Remote("secret");

        await Runner.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), target, OwnerOnly);

        Assert.Equal("600", await RemoteModeAsync(target));
        Assert.Equal(content, (await Runner.RunAsync(["cat", target])).Stdout);
    }

    [Fact]
    public async Task UploadReplacesAnExistingFileAndItsMode()
    {
        var target = Remote("replaced");
        await Runner.UploadAsync(new MemoryStream("old"u8.ToArray()), target, (UnixFileMode)0x1ED); // 0755

        await Runner.UploadAsync(new MemoryStream("new"u8.ToArray()), target, OwnerOnly);

        Assert.Equal("600", await RemoteModeAsync(target));
        Assert.Equal("new", (await Runner.RunAsync(["cat", target])).Stdout);
        Assert.Equal([Path.GetFileName(target)], Directory.GetFiles(sshd.Server.Directory, "*replaced*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task UploadedFileKeepsTheLocalModeWhenNoneIsGiven()
    {
        var local = Path.Combine(_local.FullName, "run.sh");
        await File.WriteAllTextAsync(local, "#!/bin/sh\necho ran\n");
        File.SetUnixFileMode(local, (UnixFileMode)0x1E8); // 0750

        await Runner.UploadFileAsync(local, Remote("run.sh"));

        Assert.Equal("750", await RemoteModeAsync(Remote("run.sh")));
        Assert.Equal("ran\n", (await Runner.RunAsync([Remote("run.sh")])).Stdout);
    }

    [Fact]
    public async Task DownloadReturnsTheRemoteBytes()
    {
        var target = Remote("hpccoutf.txt");
        (await Runner.RunScriptAsync($"seq 1 50000 > {ShellQuote.Quote(target)}")).EnsureSuccess("write a file");
        var local = Path.Combine(_local.FullName, "copy.txt");

        await Runner.DownloadFileAsync(target, local);
        using var stream = new MemoryStream();
        await Runner.DownloadAsync(target, stream);

        var expected = string.Concat(Enumerable.Range(1, 50000).Select(i => i + "\n"));
        Assert.Equal(expected, await File.ReadAllTextAsync(local));
        Assert.Equal(expected, Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task DownloadOfAMissingFileNamesHostAndPathAndLeavesNoLocalFile()
    {
        var local = Path.Combine(_local.FullName, "never.txt");

        var error = await Assert.ThrowsAsync<IOException>(() => Runner.DownloadFileAsync(Remote("absent"), local));

        Assert.Contains($"{SshdFixture.HostName}:{Remote("absent")}", error.Message);
        Assert.Empty(_local.GetFiles());
    }

    [Fact]
    public async Task UploadIntoAMissingFolderFailsNamingTheTarget()
    {
        var target = Remote("no-such-dir/file");

        var error = await Assert.ThrowsAsync<IOException>(
            () => Runner.UploadAsync(new MemoryStream("x"u8.ToArray()), target, OwnerOnly));

        Assert.Contains(target, error.Message);
    }
}
