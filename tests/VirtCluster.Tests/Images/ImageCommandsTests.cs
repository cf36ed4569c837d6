using VirtCluster.Images;

namespace VirtCluster.Tests.Images;

public sealed class ImageCommandsTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AnInvalidSpecExitsWithTheConfigErrorCodeAndItsLocation()
    {
        var path = _folder.WriteSpec(SpecFolder.ValidYaml.Replace("size: 1G", "size: huge"));
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await ImageCommands.BuildAsync(path, _folder.Root, output, error, CancellationToken.None);

        Assert.Equal(ImageCommands.ConfigError, exitCode);
        Assert.Equal($"error: {path}:3:7: key 'size': 'huge' is not a size; write e.g. 3G or 2048M{Environment.NewLine}", error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void TheBuildVerbTakesASpecAndAnOptionalCacheFolder()
    {
        var image = ImageCommands.Create();

        var build = Assert.Single(image.Subcommands);
        Assert.Equal("build", build.Name);
        Assert.Equal("spec", Assert.Single(build.Arguments).Name);
        Assert.Equal("--cache-dir", Assert.Single(build.Options).Name);
    }
}
