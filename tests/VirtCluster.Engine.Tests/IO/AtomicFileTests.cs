using System.Runtime.Versioning;
using VirtCluster.Engine.IO;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.IO;

[SupportedOSPlatform("linux")]
public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ANewFileIsOwnerOnlyByDefaultInAFolderMadeForIt()
    {
        var path = _folder["state/stack.json"];

        AtomicFile.Write(path, "{}");

        Assert.Equal("{}", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(["stack.json"], Directory.GetFiles(_folder["state"]).Select(Path.GetFileName));
    }

    [Fact]
    public void AReadableFileIs0644AndAReplacedFileKeepsItsModeOnlyWhenAsked()
    {
        var kept = _folder["Pulumi.dev.yaml"];
        var replaced = _folder["results.json"];
        File.WriteAllText(kept, "old");
        File.WriteAllText(replaced, "old");
        File.SetUnixFileMode(kept, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        File.SetUnixFileMode(replaced, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        AtomicFile.Write(kept, "new", AtomicFile.Readable, keepExistingMode: true);
        AtomicFile.Write(replaced, "new", AtomicFile.Readable);

        Assert.Equal("new", File.ReadAllText(kept));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(kept));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            File.GetUnixFileMode(replaced));
    }

    [Fact]
    public void AFailedWriteLeavesTheOldContentAndNoTemporaryFile()
    {
        var path = _folder["keys"];
        Directory.CreateDirectory(path);

        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(path, "over a folder"));

        Assert.True(Directory.Exists(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(_folder.Path));
    }
}
