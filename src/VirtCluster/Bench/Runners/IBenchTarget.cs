using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Remote;

namespace VirtCluster.Bench.Runners;

/// <summary>
/// Where a suite runs: the node that launches <c>mpirun</c> and the nodes its hostfile lists. The runner
/// only talks to a target through this, so the same suite measures a virtual cluster (over SSH) and bare
/// metal (this machine) with the same commands and the same parsing.
/// </summary>
public interface IBenchTarget
{
    /// <summary>The environment's name in results and stack outputs, e.g. <c>local</c> or <c>bmm</c>.</summary>
    string Name { get; }

    /// <summary>Bare metal, hypervisor or cloud: decides which side of a VM/bare-metal ratio the target is on.</summary>
    EnvironmentKind Kind { get; }

    /// <summary>Host names for the hostfile, as the launching node resolves them; the first one launches.</summary>
    IReadOnlyList<string> Nodes { get; }

    /// <summary>Byte transfer layers for <c>--mca btl</c> (e.g. <c>tcp,self</c> between VMs without RDMA); null for Open MPI's choice.</summary>
    string? Btl { get; }

    /// <summary>
    /// What the caller knows about the environment and a probe cannot find out from inside it: libvirt and
    /// QEMU versions, hypervisor, image digest, config hash. Kernel, MPI and HCA firmware are probed by the runner.
    /// </summary>
    EnvironmentFingerprint Declared { get; }

    /// <summary>
    /// The working directory on the launching node for one run, whose raw outputs belong in
    /// <paramref name="localRunFolder"/>. A target that runs on this machine returns that folder itself.
    /// </summary>
    /// <param name="localRunFolder">Absolute folder of the run under the results directory.</param>
    /// <param name="relativeRunPath">The same folder relative to the results directory, '/'-separated.</param>
    string WorkingDirectoryFor(string localRunFolder, string relativeRunPath);

    /// <summary>
    /// Runs a program on the launching node (no shell: <paramref name="argv"/> are values), in
    /// <paramref name="workingDirectory"/> when given. A timeout stops the program and its children and sets
    /// <see cref="CommandResult.TimedOut"/>; cancellation stops them and throws.
    /// </summary>
    Task<CommandResult> RunAsync(
        IReadOnlyList<string> argv, string? workingDirectory, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Writes a file on the launching node (input files, hostfiles), replacing any earlier one.</summary>
    Task UploadAsync(string path, byte[] content, UnixFileMode mode, CancellationToken cancellationToken);

    /// <summary>Reads a file from the launching node; null when it does not exist (the program did not write it).</summary>
    Task<byte[]?> DownloadAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Makes a program from this machine runnable on every node under <paramref name="name"/> and returns the path the
    /// nodes run it by; a target that is this machine runs it where it is. Replaces an earlier one of that name.
    /// </summary>
    /// <param name="name">The suite's name for the program (letters, digits, '_' and '-').</param>
    /// <param name="localPath">The program on this machine.</param>
    /// <param name="program">Its content, as read once by the caller (who records its checksum).</param>
    /// <param name="cancellationToken">Stops the transfer and throws.</param>
    Task<string> InstallAsync(string name, string localPath, byte[] program, CancellationToken cancellationToken);
}
