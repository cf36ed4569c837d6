using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Bench.Runners;
using VirtCluster.Tests.Remote;

namespace VirtCluster.Tests.Bench.Runners;

/// <summary>
/// A cluster target reached over a real sshd on 127.0.0.1 whose only node is that machine itself:
/// mpirun runs there over SSH and starts both ranks locally.
/// </summary>
public sealed class SshTargetTests(SshdFixture sshd) : IClassFixture<SshdFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("virtcluster-ssh-runner-").FullName;
    private readonly string _remoteRoot = Path.Combine(Path.GetTempPath(), "virtcluster-remote-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        if (Directory.Exists(_remoteRoot))
        {
            Directory.Delete(_remoteRoot, recursive: true);
        }
    }

    [Fact]
    public async Task NetPipeThroughMpirunOnTheFirstNodeGivesSamplesAndCopiesItsOutputsBack()
    {
        var target = Target();
        var (_, suite) = SmallSuites.Write(_directory, SmallSuites.DebianYaml());
        var runner = new SuiteRunner(suite, new SuiteRunOptions(Path.Combine(_directory, "results"), "run-ssh") { Benchmarks = ["netpipe"] });

        var results = await runner.RunAsync([target]);

        Assert.Equal(["vms/netpipe/intra-socket-np2-t1/rep1", "vms/netpipe/inter-node-np2-t1/rep1"], results.Runs.Select(r => r.Id));
        Assert.All(results.Runs, r => Assert.True(r.Status == RunStatus.Ok, r.Reason));
        var run = results.Runs[1];
        Assert.Contains(run.Samples, s => s.Metric == "latency" && s.Value > 0 && s.Meta.MessageSizeBytes == 1);
        Assert.All(run.Samples, s => Assert.Equal((EnvironmentKind.Tcg, "vms"), (s.Meta.EnvironmentKind, s.Meta.EnvironmentName)));
        var folder = Path.Combine(runner.RunFolder, "vms", "netpipe", "inter-node-np2-t1", "rep1");
        Assert.True(new FileInfo(Path.Combine(folder, "np.out")).Length > 0);
        Assert.Equal("localhost slots=2\n", File.ReadAllText(Path.Combine(folder, "hostfile")));
        Assert.Contains($"--hostfile {_remoteRoot}/vms/netpipe/inter-node-np2-t1/rep1/hostfile", File.ReadAllText(Path.Combine(folder, "command.txt")));
        Assert.Contains("--mca btl tcp,self", File.ReadAllText(Path.Combine(folder, "command.txt")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_remoteRoot, "vms", "netpipe", "inter-node-np2-t1")));

        var environment = Assert.Single(results.Environments);
        Assert.Equal(("9.0.0", "7.2.0", "sha256:feed"), (environment.LibvirtVersion, environment.QemuVersion, environment.ImageDigest));
        Assert.StartsWith("mpirun (Open MPI) 4.", environment.MpiVersion);
        ResultsSchema.AssertValid(runner.ResultsFilePath);
    }

    [Fact]
    public async Task CommandsRunInTheWorkingDirectoryAndMissingFilesDownloadAsNull()
    {
        var target = Target();
        Directory.CreateDirectory(_remoteRoot);
        await target.UploadAsync(_remoteRoot + "/in.txt", "data\n"u8.ToArray(), UnixFileMode.UserRead | UnixFileMode.UserWrite, default);

        var result = await target.RunAsync(["cat", "in.txt"], _remoteRoot, TimeSpan.FromSeconds(20), default);

        Assert.Equal("data\n", result.Stdout);
        Assert.Equal("data\n"u8.ToArray(), await target.DownloadAsync(_remoteRoot + "/in.txt", default));
        Assert.Null(await target.DownloadAsync(_remoteRoot + "/absent.txt", default));
    }

    private SshTarget Target() => new(
        sshd.Runner,
        new EnvironmentFingerprint("vms", EnvironmentKind.Tcg, LibvirtVersion: "9.0.0", QemuVersion: "7.2.0", ImageDigest: "sha256:feed"),
        ["localhost"],
        remoteRoot: _remoteRoot,
        environment: SmallSuites.LoopbackOnly);
}
