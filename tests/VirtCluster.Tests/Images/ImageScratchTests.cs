using VirtCluster.Images;

namespace VirtCluster.Tests.Images;

/// <summary>The image build's scratch with real tmpfs mounts (needs root, like image builds).</summary>
public sealed class ImageScratchTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("vc-scratch-").FullName;

    public void Dispose() => SafeFolder.Delete(_parent);

    private string ScratchPath => Path.Combine(_parent, "scratch");

    private bool Mounted => SafeFolder.IsMountPoint(ScratchPath);

    [Theory]
    [InlineData(3L << 30, 6656L << 20)]
    [InlineData(512L << 20, 1536L << 20)]
    public void TheWorstCaseIsTwiceTheImageAndHalfAGibibyte(long imageSize, long expected)
    {
        Assert.Equal(expected, ImageScratch.WorstCaseBytes(imageSize));
    }

    [Fact]
    public void WhenTheWorstCaseFitsTheScratchIsATmpfsCappedAtItSoARunawayBuildCannotTakeMore()
    {
        var scratch = ImageScratch.Create(ScratchPath, 512L << 20, allowMemory: true, availableMemoryBytes: 1536L << 20);
        File.WriteAllText(Path.Combine(scratch.Path, "image.raw"), "raw");

        Assert.True(scratch.InMemory);
        Assert.True(Mounted);
        Assert.Equal(1536L << 20, new DriveInfo(ScratchPath).TotalSize);
        Assert.Equal(Path.Combine(ScratchPath, "rootfs"), scratch.Rootfs);
        scratch.Dispose();
        scratch.Dispose();
        Assert.False(Mounted);
        Assert.False(Directory.Exists(ScratchPath));
    }

    [Theory]
    [InlineData(true, (1536L << 20) - 1)]
    [InlineData(false, 64L << 30)]
    public void WithoutRoomInMemoryOrWhenNotAllowedTheScratchIsAFolderOnDisk(bool allowMemory, long available)
    {
        var scratch = ImageScratch.Create(ScratchPath, 512L << 20, allowMemory, available);

        Assert.False(scratch.InMemory);
        Assert.False(Mounted);
        Assert.True(Directory.Exists(ScratchPath));
        scratch.Dispose();
        Assert.False(Directory.Exists(ScratchPath));
    }

    [Fact]
    public void AvailableMemoryIsReadFromTheKernel()
    {
        var available = ImageScratch.AvailableMemoryBytes();

        Assert.InRange(available, 1L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }
}
