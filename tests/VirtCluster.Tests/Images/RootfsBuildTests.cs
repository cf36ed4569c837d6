using System.Runtime.Versioning;
using VirtCluster.Images;

namespace VirtCluster.Tests.Images;

/// <summary>
/// Sources copied into a root folder, and build steps run with chroot. The steps run in this machine's own root
/// (chroot into / changes nothing), so a test sees exactly what a step does without building an image; the real
/// image build with a build step is in <see cref="ImageBuilderTests"/>.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class RootfsBuildTests : IDisposable
{
    private const string BuildPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private readonly string _work = Directory.CreateTempSubdirectory("vc-rootfs-build-").FullName;
    private readonly SpecFolder _folder = new();

    public void Dispose()
    {
        _folder.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public void AStepRunsChrootedThroughEnvWithACleanEnvironmentInItsFolder()
    {
        var step = new ImageBuildStep("vc-pingpong", ["mpicc", "-O2", "-o", "/usr/local/bin/vc-pingpong", "pingpong.c"], "/usr/local/src/mpi-pingpong");

        Assert.Equal(
            ["chroot", "/build/rootfs", "/usr/bin/env", "-i", "-C", "/usr/local/src/mpi-pingpong", BuildPath, "HOME=/root", "LC_ALL=C.UTF-8",
                "mpicc", "-O2", "-o", "/usr/local/bin/vc-pingpong", "pingpong.c"],
            RootfsBuild.Argv(step, "/build/rootfs"));
    }

    [Fact]
    public async Task AStepSeesOnlyItsFolderAndTheBuildEnvironmentAndReportsItsOutput()
    {
        var lines = new List<string>();
        var step = new ImageBuildStep("show", ["/bin/sh", "-c", "pwd; env | sort"], _work);

        await RootfsBuild.RunAsync(step, "/", new SynchronousProgress(lines.Add), CancellationToken.None);

        Assert.Equal([_work, "HOME=/root", "LC_ALL=C.UTF-8", BuildPath, $"PWD={_work}"], lines);
    }

    [Fact]
    public async Task AFailingStepThrowsWithItsCommandFolderExitCodeAndTheEndOfItsOutput()
    {
        var step = new ImageBuildStep("fail", ["/bin/sh", "-c", "seq 1 40; echo giving up; exit 3"], _work);
        var passing = new ImageBuildStep("pass", ["/bin/sh", "-c", "seq 1 40; exit 0"], _work);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RootfsBuild.RunAsync(step, "/", null, CancellationToken.None));

        var tail = string.Join('\n', Enumerable.Range(12, 29).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("giving up"));
        Assert.Equal($"'/bin/sh -c seq 1 40; echo giving up; exit 3' in {_work} exited with code 3; the end of its output:\n{tail}", error.Message);
        await RootfsBuild.RunAsync(passing, "/", null, CancellationToken.None);
    }

    [Fact]
    public async Task AStepWhoseFolderIsMissingInTheRootFailsNamingTheFolder()
    {
        var step = new ImageBuildStep("lost", ["true"], _work + "/missing");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RootfsBuild.RunAsync(step, "/", null, CancellationToken.None));

        Assert.Equal(
            $"'true' in {_work}/missing exited with code 125; the end of its output:\n/usr/bin/env: cannot change directory to '{_work}/missing': No such file or directory",
            error.Message);
    }

    [Fact]
    public void SourcesAreCopiedBelowTheRootWithTheirModes()
    {
        _folder.WriteSources();
        var spec = ImageSpecLoader.Load(_folder.WriteSpec(SpecFolder.ValidYaml + SpecFolder.SourcesYaml));
        var target = Path.Combine(_work, "usr", "local", "src", "greeting");

        RootfsBuild.CopySources(spec.Sources, _work);

        Assert.Equal(
            [("build.sh", ImageSource.Executable), ("lib/.defaults", ImageSource.Readable), ("message.txt", ImageSource.Readable)],
            Directory.GetFiles(target, "*", SearchOption.AllDirectories)
                .Select(f => (Path.GetRelativePath(target, f), File.GetUnixFileMode(f)))
                .Order());
        Assert.Equal("hello from the sources\n", File.ReadAllText(Path.Combine(target, "message.txt")));
        Assert.Equal("greeting=hello\n", File.ReadAllText(Path.Combine(target, "lib", ".defaults")));
    }
}
