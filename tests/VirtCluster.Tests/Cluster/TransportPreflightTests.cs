using System.Runtime.Versioning;
using VirtCluster.Cluster;
using VirtCluster.Hosts;

namespace VirtCluster.Tests.Cluster;

/// <summary>
/// What libvirt's SSH transports need, checked before libvirt is opened: the local ssh program for <c>qemu+ssh</c>, and
/// virt-ssh-helper (or nc) on the host. The host's side runs the real shell with a PATH that holds only the programs
/// each case gives it (links to this machine's own).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class TransportPreflightTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("vc-path-").FullName;

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    [Fact]
    public void QemuSshNeedsTheLocalSshProgramAndNamesTheHostAndTheFixWhenItIsMissing()
    {
        Assert.Null(TransportPreflight.Local("agc01", "qemu+ssh://root@agc01/system", "/usr/local/bin:/usr/bin"));

        var missing = TransportPreflight.Local("agc01", "qemu+ssh://root@agc01/system?no_tty=1", _bin);

        Assert.NotNull(missing);
        Assert.Equal(("agc01", Verdict.Fail), (missing.Host, missing.Verdict));
        Assert.Contains("openssh-client", missing.Fix, StringComparison.Ordinal);

        // libssh is in libvirt itself: no program is needed here.
        Assert.Null(TransportPreflight.Local("agc01", "qemu+libssh://root@agc01/system", _bin));
    }

    [Fact]
    public async Task TheHostMustOfferVirtSshHelperOrElseNc()
    {
        Link("sh");
        var uri = "qemu+ssh://root@agc01/system";

        var none = await TransportPreflight.RemoteAsync("agc01", uri, new RestrictedPath(_bin), CancellationToken.None);
        Assert.Equal(Verdict.Fail, none.Verdict);
        Assert.Equal("the host has no virt-ssh-helper and no nc", none.Found);
        Assert.Contains("libvirt-daemon", none.Fix, StringComparison.Ordinal);

        // This machine has no netcat: a program of that name is all the check looks for.
        File.WriteAllText(Path.Combine(_bin, "nc"), "#!/bin/sh\nexit 1\n");
        File.SetUnixFileMode(Path.Combine(_bin, "nc"), (UnixFileMode)0b111_101_101);
        var netcat = await TransportPreflight.RemoteAsync("agc01", uri, new RestrictedPath(_bin), CancellationToken.None);
        Assert.Equal(Verdict.Warn, netcat.Verdict);
        var native = await TransportPreflight.RemoteAsync("agc01", uri + "?proxy=native", new RestrictedPath(_bin), CancellationToken.None);
        Assert.Equal(Verdict.Fail, native.Verdict);

        Link("virt-ssh-helper");
        var helper = await TransportPreflight.RemoteAsync("agc01", uri, new RestrictedPath(_bin), CancellationToken.None);
        Assert.Equal(Verdict.Pass, helper.Verdict);
        Assert.Equal($"virt-ssh-helper at {_bin}/virt-ssh-helper", helper.Found);
    }

    private void Link(string program)
    {
        var target = new[] { "/usr/bin", "/bin", "/usr/sbin" }.Select(d => Path.Combine(d, program)).First(File.Exists);
        File.CreateSymbolicLink(Path.Combine(_bin, program), target);
    }

    /// <summary>The host's shell, with only <paramref name="path"/> on its PATH.</summary>
    private sealed class RestrictedPath(string path) : IHostCommandRunner
    {
        public Task<HostCommandResult> RunAsync(IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken) =>
            new LocalHostCommandRunner().RunAsync(["/usr/bin/env", "PATH=" + path, .. argv], timeout, cancellationToken);
    }
}
