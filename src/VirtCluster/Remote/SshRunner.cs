using System.Diagnostics;
using System.Text;
using Renci.SshNet.Common;
using Renci.SshNet;
using VirtCluster.Engine.IO;

namespace VirtCluster.Remote;

/// <summary>
/// Runs commands on one host over SSH and moves files with SFTP. Commands are argv lists, quoted here, so
/// no caller ever builds a shell string; each has a timeout and a cancellation token, and stopping one
/// signals the remote process. Results are returned, not judged: see <see cref="CommandResult.EnsureSuccess"/>.
/// Commands may run concurrently on one runner (each gets its own channel).
/// </summary>
public sealed class SshRunner : IAsyncDisposable
{
    private static readonly TimeSpan MinimumAttempt = TimeSpan.FromMilliseconds(250);

    private readonly SshConnector _connector;
    private readonly SshClient _client;
    private readonly SemaphoreSlim _sftpGate = new(1, 1);
    private SftpClient? _sftp;
    private bool _disposed;

    private SshRunner(SshConnector connector, SshClient client)
    {
        _connector = connector;
        _client = client;
    }

    public SshEndpoint Endpoint => _connector.Endpoint;

    /// <summary>
    /// Connects once. Fails with <see cref="SshUnreachableException"/>, <see cref="HostKeyMismatchException"/>,
    /// <see cref="UnknownHostKeyException"/> or <see cref="SshAuthenticationFailedException"/>.
    /// </summary>
    public static async Task<SshRunner> ConnectAsync(
        SshEndpoint endpoint,
        SshIdentity identity,
        KnownHosts knownHosts,
        SshRunnerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var connector = new SshConnector(endpoint, identity, knownHosts, options ?? SshRunnerOptions.Default);
        var client = await connector.ConnectShellAsync(cancellationToken).ConfigureAwait(false);
        return new SshRunner(connector, client);
    }

    /// <summary>
    /// Connects to a host that may still be booting: attempts that find it unreachable (refused, reset, no
    /// handshake yet) are retried with a growing pause until <paramref name="within"/> has passed, reporting
    /// each failure to <paramref name="progress"/>. Key and authentication failures are not retried: waiting
    /// does not fix them.
    /// </summary>
    public static async Task<SshRunner> WaitUntilReadyAsync(
        SshEndpoint endpoint,
        SshIdentity identity,
        KnownHosts knownHosts,
        TimeSpan within,
        IProgress<SshWaitProgress>? progress = null,
        SshRunnerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(within, TimeSpan.Zero);
        options ??= SshRunnerOptions.Default;
        var connector = new SshConnector(endpoint, identity, knownHosts, options);
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            // A pause can overshoot on a loaded machine, leaving little or no time: the last attempt still gets a short floor.
            var remaining = within - clock.Elapsed;
            var attemptTimeout = remaining < options.ConnectTimeout ? remaining : options.ConnectTimeout;
            if (attemptTimeout < MinimumAttempt)
            {
                attemptTimeout = MinimumAttempt;
            }

            try
            {
                var client = await connector.ConnectAsync(
                    info => new SshClient(info), attemptTimeout, cancellationToken).ConfigureAwait(false);
                return new SshRunner(connector, client);
            }
            catch (SshUnreachableException e) when (clock.Elapsed + pause < within)
            {
                progress?.Report(new SshWaitProgress(endpoint, attempt, clock.Elapsed, e.Message));
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
            catch (SshUnreachableException e)
            {
                throw new SshUnreachableException(endpoint,
                    $"{endpoint} did not accept SSH within {within.TotalSeconds:F0} s ({attempt} attempts); last: {e.Message}", e);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="argv"/> (program and arguments, each quoted for the remote shell). The program
    /// replaces the login shell (<c>exec</c>), so a stop signal reaches the program itself.
    /// </summary>
    /// <param name="argv">The program and its arguments, as values: never pre-quoted.</param>
    /// <param name="timeout">Stops the command after this long (default <see cref="SshRunnerOptions.CommandTimeout"/>);
    /// the result then has <see cref="CommandResult.TimedOut"/> set.</param>
    /// <param name="cancellationToken">Stops the command and throws <see cref="OperationCanceledException"/>.</param>
    public Task<CommandResult> RunAsync(
        IReadOnlyList<string> argv, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var command = ShellQuote.Join(argv);
        return ExecuteAsync(command, command, timeout ?? _connector.Options.CommandTimeout, cancellationToken);
    }

    /// <summary>
    /// Runs a fixed shell script with <c>sh -c</c>, for pipelines and redirections. The script is a constant
    /// of the program: values must never be pasted into it (pass them to <see cref="RunAsync"/> instead).
    /// </summary>
    public Task<CommandResult> RunScriptAsync(
        string script, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(script);
        return RunAsync(["sh", "-c", script], timeout, cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="remotePath"/> with <paramref name="mode"/>. The data
    /// goes to a temporary file that gets the mode before any byte is written and is then renamed over the
    /// target, so a secret is never readable by others and a broken transfer never leaves half a file.
    /// </summary>
    public async Task UploadAsync(
        Stream content, string remotePath, UnixFileMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(remotePath);
        var permissions = SftpPermissions(mode);
        var sftp = await GetSftpAsync(cancellationToken).ConfigureAwait(false);
        var slash = remotePath.LastIndexOf('/');
        var temporary = remotePath[..(slash + 1)] + "." + remotePath[(slash + 1)..] + ".upload-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var file = await sftp.OpenAsync(temporary, FileMode.CreateNew, FileAccess.Write, cancellationToken)
                             .ConfigureAwait(false))
            {
                sftp.ChangePermissions(temporary, permissions);
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            sftp.RenameFile(temporary, remotePath, isPosix: true);
        }
        catch (SshException e)
        {
            TryDelete(sftp, temporary);
            throw new IOException($"Failed to upload to {Endpoint.HostName}:{remotePath}: {e.Message}", e);
        }
        catch
        {
            TryDelete(sftp, temporary);
            throw;
        }
    }

    /// <summary>Uploads a local file; the remote mode is <paramref name="mode"/> or else the local file's mode.</summary>
    public async Task UploadFileAsync(
        string localPath, string remotePath, UnixFileMode? mode = null, CancellationToken cancellationToken = default)
    {
        await using var input = File.OpenRead(localPath);
        var effectiveMode = mode ?? (OperatingSystem.IsWindows() ? AtomicFile.OwnerOnly : File.GetUnixFileMode(localPath));
        await UploadAsync(input, remotePath, effectiveMode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies the remote file into <paramref name="destination"/>.</summary>
    public async Task DownloadAsync(string remotePath, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(remotePath);
        ArgumentNullException.ThrowIfNull(destination);
        var sftp = await GetSftpAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await sftp.DownloadFileAsync(remotePath, destination, cancellationToken).ConfigureAwait(false);
        }
        catch (SshException e)
        {
            throw new IOException($"Failed to download {Endpoint.HostName}:{remotePath}: {e.Message}", e);
        }
    }

    /// <summary>Downloads to a local file, written under a temporary name and renamed when complete.</summary>
    public async Task DownloadFileAsync(string remotePath, string localPath, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(localPath);
        var temporary = $"{full}.download-{Guid.NewGuid():N}";
        try
        {
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                await DownloadAsync(remotePath, output, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// A local port on 127.0.0.1 whose connections this session carries to <paramref name="host"/>:<paramref name="port"/>
    /// as seen from the remote end (SSH direct-tcpip): how the tool reaches a guest through the host it runs on.
    /// </summary>
    public SshTunnel Forward(string host, int port)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var forward = new ForwardedPortLocal("127.0.0.1", 0, host, (uint)port);
        _client.AddForwardedPort(forward);
        forward.Start();
        return new SshTunnel(_client, forward);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _sftpGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _sftp?.Dispose();
            _client.Dispose();
        }
        finally
        {
            _sftpGate.Release();
            _sftpGate.Dispose();
        }
    }

    private async Task<CommandResult> ExecuteAsync(
        string program, string shownCommand, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        // The first stderr line carries the shell's PID, which exec hands on to the program. sshd makes each
        // session its own process group with that id, so the runner can stop the command and its children.
        using var command = _client.CreateCommand("printf '%d\\n' \"$$\" >&2; exec " + program, Encoding.UTF8);
        using var timer = new CancellationTokenSource(timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var clock = Stopwatch.StartNew();
        var execution = command.ExecuteAsync(CancellationToken.None);
        var (stdout, stdoutDone) = OutputCapture.Start(command.OutputStream, _connector.Options.MaxStdoutBytes);
        var (stderr, stderrDone) = OutputCapture.Start(command.ExtendedOutputStream, _connector.Options.MaxStderrBytes, readsPidLine: true);

        var stopped = false;
        try
        {
            await execution.WaitAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            stopped = true;
            await StopAsync(command, execution, stderr.Pid).ConfigureAwait(false);
        }

        var elapsed = clock.Elapsed;
        await Task.WhenAll(stdoutDone, stderrDone).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new CommandResult(command.ExitStatus, command.ExitSignal, stdout.Text, stderr.Text, elapsed, stopped)
        {
            Host = Endpoint.HostName,
            Command = shownCommand,
            StdoutTruncated = stdout.Truncated,
            StderrTruncated = stderr.Truncated,
        };
    }

    /// <summary>
    /// Stops a running command: SIGTERM to its process group, then SIGKILL after the grace period, sent with
    /// kill(1) over a second channel because sshd refuses SSH "signal" requests in root sessions. If even that
    /// does not end it, the channel is closed so the caller is never left waiting.
    /// </summary>
    private async Task StopAsync(SshCommand command, Task execution, Task<int> pid)
    {
        var grace = _connector.Options.StopGracePeriod;
        var processGroup = await pid.WaitAsync(grace).ContinueWith(
            static t => t.IsCompletedSuccessfully ? t.Result : (int?)null, TaskScheduler.Default).ConfigureAwait(false);
        if (processGroup is int group)
        {
            foreach (var signal in new[] { "TERM", "KILL" })
            {
                await SignalProcessGroupAsync(group, signal, grace).ConfigureAwait(false);
                if (await CompletesWithinAsync(execution, grace).ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        command.CancelAsync(forceKill: true, millisecondsTimeout: 0);
        await CompletesWithinAsync(execution, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
    }

    private async Task SignalProcessGroupAsync(int processGroup, string signal, TimeSpan timeout)
    {
        using var kill = _client.CreateCommand(ShellQuote.Join(["kill", "-" + signal, "--", "-" + processGroup]));
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            // Exit status 1 means the group is already gone, which is what was wanted.
            await kill.ExecuteAsync(limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SshException)
        {
            // Could not deliver the signal; the caller escalates.
        }
    }

    private static async Task<bool> CompletesWithinAsync(Task task, TimeSpan timeout)
    {
        try
        {
            await task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch
        {
            // Cancelled or failed: either way it has ended.
        }

        return true;
    }

    private async Task<SftpClient> GetSftpAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _sftpGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _sftp ??= await _connector.ConnectSftpAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sftpGate.Release();
        }
    }

    /// <summary>SSH.NET reads the mode's decimal digits as octal digits (600 means 0600).</summary>
    private static short SftpPermissions(UnixFileMode mode)
    {
        const int permissionBits = 0x1FF;
        if (((int)mode & ~permissionBits) != 0)
        {
            throw new ArgumentException($"Only permission bits (0777) can be set over SFTP, not {mode}.", nameof(mode));
        }

        return short.Parse(Convert.ToString((int)mode, 8), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void TryDelete(SftpClient sftp, string path)
    {
        try
        {
            sftp.DeleteFile(path);
        }
        catch (Exception e) when (e is SshException or IOException)
        {
            // The temporary file may never have been created; the original error is the one to report.
        }
    }
}
