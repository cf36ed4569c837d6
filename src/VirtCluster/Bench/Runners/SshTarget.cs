using Renci.SshNet.Common;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Remote;

namespace VirtCluster.Bench.Runners;

/// <summary>
/// A cluster reached over SSH: <c>mpirun</c> runs on the first node, which starts the ranks on the others
/// itself, so only one connection is needed. Working directories live under <see cref="RemoteRoot"/> on
/// that node; outputs are copied back into the local results folder after each run. Programs the user supplies
/// go to <see cref="BinDirectory"/> on every node.
/// The runner is the caller's: this target neither connects nor disposes it.
/// </summary>
public sealed class SshTarget : IBenchTarget
{
    /// <summary>Where the nodes keep the programs the user supplies, one file per suite name.</summary>
    public const string DefaultBinDirectory = "/opt/virtcluster/bin";

    /// <summary>How long copying one program to one node may take: programs are megabytes, and emulated nodes are slow.</summary>
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(10);

    /// <param name="runner">Connected to the first node of <paramref name="nodes"/>.</param>
    /// <param name="declared">Name, kind and what the caller knows (libvirt, QEMU, hypervisor, image digest, config hash).</param>
    /// <param name="nodes">Host names as the first node resolves them, first node first.</param>
    /// <param name="btl">TCP between VMs by default: guests without an HCA have nothing faster, and Open MPI would otherwise probe for one.</param>
    /// <param name="remoteRoot">Absolute folder on the first node for working directories.</param>
    /// <param name="binDirectory">Absolute folder on every node for the programs the user supplies.</param>
    /// <param name="environment">Variables every command runs with (e.g. Open MPI's <c>OMPI_MCA_*</c> settings for these hosts).</param>
    public SshTarget(SshRunner runner, EnvironmentFingerprint declared, IReadOnlyList<string> nodes, string? btl = "tcp,self",
        string remoteRoot = "/tmp/virtcluster-bench", string binDirectory = DefaultBinDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Count == 0 || nodes.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("a cluster target needs at least one node name, and no empty ones", nameof(nodes));
        }

        if (!remoteRoot.StartsWith('/'))
        {
            throw new ArgumentException($"the remote folder '{remoteRoot}' must be absolute", nameof(remoteRoot));
        }

        if (!binDirectory.StartsWith('/'))
        {
            throw new ArgumentException($"the programs' folder '{binDirectory}' must be absolute", nameof(binDirectory));
        }

        Runner = runner;
        Declared = declared;
        Nodes = nodes.ToList();
        Btl = btl;
        RemoteRoot = remoteRoot.TrimEnd('/');
        Environment = environment ?? new Dictionary<string, string>();
        BinDirectory = binDirectory.TrimEnd('/');
    }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public SshRunner Runner { get; }

    public string Name => Declared.Name;

    public EnvironmentKind Kind => Declared.Kind;

    public IReadOnlyList<string> Nodes { get; }

    public string? Btl { get; }

    public EnvironmentFingerprint Declared { get; }

    public string RemoteRoot { get; }

    public string BinDirectory { get; }

    public string WorkingDirectoryFor(string localRunFolder, string relativeRunPath) => $"{RemoteRoot}/{relativeRunPath}";

    /// <summary>The working directory is entered with <c>env -C</c>, so no shell script is built from values.</summary>
    public Task<CommandResult> RunAsync(
        IReadOnlyList<string> argv, string? workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var variables = Environment.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}").ToList();
        IReadOnlyList<string> command = (workingDirectory, variables.Count) switch
        {
            (null, 0) => argv,
            (null, _) => ["env", .. variables, .. argv],
            _ => ["env", "-C", workingDirectory, .. variables, .. argv],
        };
        return Runner.RunAsync(command, timeout, cancellationToken);
    }

    /// <summary>Creates the remote folder first: SFTP does not, and a fresh node has none of the run's folders.</summary>
    public async Task UploadAsync(string path, byte[] content, UnixFileMode mode, CancellationToken cancellationToken)
    {
        (await Runner.RunAsync(["mkdir", "-p", "--", System.IO.Path.GetDirectoryName(path)!], TimeSpan.FromSeconds(30), cancellationToken)
            .ConfigureAwait(false)).EnsureSuccess("create the folder for " + path);
        await Runner.UploadAsync(new MemoryStream(content, writable: false), path, mode, cancellationToken).ConfigureAwait(false);
    }

    public async Task<byte[]?> DownloadAsync(string path, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        try
        {
            await Runner.DownloadAsync(path, buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is SftpPathNotFoundException)
        {
            return null;
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Uploads the program to the first node over this session, then copies it from there to the others with scp, over
    /// the node-to-node SSH that mpirun starts their ranks with (a node mpirun cannot reach fails here, named).
    /// </summary>
    public async Task<string> InstallAsync(string name, string localPath, byte[] program, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(program);
        var path = $"{BinDirectory}/{name}";
        await UploadAsync(path, program, Modes.Executable, cancellationToken).ConfigureAwait(false);
        foreach (var node in Nodes.Skip(1))
        {
            (await Runner.RunAsync(["ssh", "-o", "BatchMode=yes", node, ShellQuote.Join(["mkdir", "-p", "--", BinDirectory])], CopyTimeout, cancellationToken)
                .ConfigureAwait(false)).EnsureSuccess($"create {BinDirectory} on {node}");
            (await Runner.RunAsync(["scp", "-q", "-p", "-o", "BatchMode=yes", path, $"{node}:{path}"], CopyTimeout, cancellationToken)
                .ConfigureAwait(false)).EnsureSuccess($"copy {path} to {node}");
        }

        return path;
    }
}
