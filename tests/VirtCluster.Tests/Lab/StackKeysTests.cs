using System.Runtime.Versioning;
using VirtCluster.App;
using VirtCluster.Lab;
using VirtCluster.Testing;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Lab;

/// <summary>
/// A stack's keys exist on disk only once a run needs them: a preview writes nothing into the backend's keys folder,
/// and the first use makes both pairs, which later runs read back unchanged.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class StackKeysTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vc-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void KeysAreMadeOnFirstUseWithPrivateModesAndReadBackByTheNextRun()
    {
        var directory = Path.Combine(_folder, "keys", "dev");
        var keys = new StackKeys(directory, "dev");
        Assert.False(Directory.Exists(directory), "keys were written before anything used them");

        var admin = keys.Admin.PublicKeyLine;
        var cluster = keys.Cluster.PublicKeyLine;

        Assert.Equal(["admin", "admin.pub", "cluster", "cluster.pub"], Directory.GetFiles(directory).Select(Path.GetFileName).Order());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "admin")));
        Assert.EndsWith(" virtcluster-dev-admin", admin);
        Assert.EndsWith(" virtcluster-dev-cluster", cluster);
        var again = new StackKeys(directory, "dev");
        Assert.Equal((admin, cluster), (again.Admin.PublicKeyLine, again.Cluster.PublicKeyLine));
    }

    [Fact]
    public async Task PreviewOfANewLabStackLeavesNoKeyFiles()
    {
        var project = Path.Combine(_folder, "project");
        var backend = Path.Combine(_folder, "backend");
        Directory.CreateDirectory(project);
        File.Copy(Path.Combine(TestPaths.RepoRoot, "Pulumi.yaml"), Path.Combine(project, "Pulumi.yaml"));
        File.WriteAllText(Path.Combine(project, "Pulumi.dev.yaml"), $"""
            config:
              virtcluster:lab: {"{"} nodes: 1, namespace: vc-keys-preview {"}"}
              virtcluster:io: virtio
              virtcluster:image: {TestPaths.RepoRoot}/images/hpc-node.yaml
            """);
        using var package = new VirtClusterPackage();

        var preview = await InfraProgram.RunAsync(package, "preview", "--stack", "dev", "--cwd", project, "--backend", backend);

        Assert.True(preview.Exit == 0, preview.Out + preview.Err);
        Assert.Contains("create", preview.Out, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(backend, "logs")), "the run did not use the backend it was given");
        Assert.False(Directory.Exists(Path.Combine(backend, "keys")), "preview wrote key files");
    }
}
