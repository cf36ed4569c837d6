using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;
using VirtCluster.Linux;
using VirtCluster.Remote;

namespace VirtCluster.Bench.Runners;

/// <summary>
/// This machine as a one-node bare-metal environment: programs are started directly from their argv (no
/// shell), and a timeout kills the whole process tree so that no rank outlives its <c>mpirun</c>.
/// Runs work in their own results folder, so output files land where they are kept.
/// </summary>
public sealed class LocalTarget : IBenchTarget
{
    /// <param name="name">Environment name in results, e.g. <c>bmm</c>.</param>
    /// <param name="btl">Byte transfer layers; shared memory by default, since every rank is on this machine.</param>
    /// <param name="declared">Facts the caller knows (config hash, ...); its name and kind are replaced by the arguments.</param>
    public LocalTarget(string name = "bmm", string? btl = "vader,self", EnvironmentFingerprint? declared = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Btl = btl;
        Declared = (declared ?? new EnvironmentFingerprint(name, EnvironmentKind.BareMetal)) with { Name = name, Kind = EnvironmentKind.BareMetal };
    }

    public string Name => Declared.Name;

    public EnvironmentKind Kind => Declared.Kind;

    /// <summary>Only this machine; <c>localhost</c> is what Open MPI recognises as itself without any remote launch.</summary>
    public IReadOnlyList<string> Nodes { get; } = ["localhost"];

    public string? Btl { get; }

    public EnvironmentFingerprint Declared { get; }

    public string WorkingDirectoryFor(string localRunFolder, string relativeRunPath) => localRunFolder;

    public async Task<CommandResult> RunAsync(
        IReadOnlyList<string> argv, string? workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var command = ShellQuote.Join(argv);
        var options = new ProcessOptions { WorkingDirectory = workingDirectory, Timeout = timeout };
        var result = await HostCommand.RunAsync(argv, options, cancellationToken).ConfigureAwait(false);
        if (result.StartError is { } error)
        {
            // What a shell reports for a program it cannot run, so callers judge both targets alike.
            return new CommandResult(127, null, "", $"{argv[0]}: cannot run: {error}\n", result.Elapsed, false)
            {
                Host = Nodes[0],
                Command = command,
            };
        }

        return new CommandResult(result.ExitCode, result.TimedOut ? "KILL" : null, result.Stdout, result.Stderr, result.Elapsed, result.TimedOut)
        {
            Host = Nodes[0],
            Command = command,
        };
    }

    public async Task UploadAsync(string path, byte[] content, UnixFileMode mode, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.upload-{Guid.NewGuid():N}";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        try
        {
            await using (var file = new FileStream(temporary, options))
            {
                await file.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<byte[]?> DownloadAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>Bare metal is this machine: the program runs where the user keeps it.</summary>
    public Task<string> InstallAsync(string name, string localPath, byte[] program, CancellationToken cancellationToken) =>
        Task.FromResult(localPath);
}
