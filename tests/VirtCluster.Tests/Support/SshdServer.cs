using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using VirtCluster.Remote;

namespace VirtCluster.Tests.Support;

/// <summary>
/// A real OpenSSH sshd on 127.0.0.1 with throwaway host and user keys in a private temporary folder,
/// optionally inside a network namespace. Killed by its PID (with its session processes) and its folder
/// removed on dispose, also when starting fails half way.
/// </summary>
internal sealed class SshdServer : IAsyncDisposable
{
    private const string SshdPath = "/usr/sbin/sshd";
    private readonly StringBuilder _log = new();
    private Process? _process;

    private SshdServer(string directory, int port, string? networkNamespace)
    {
        Directory = directory;
        Port = port;
        NetworkNamespace = networkNamespace;
    }

    /// <summary>The temporary folder holding the config, keys and PID file.</summary>
    public string Directory { get; }

    public int Port { get; }

    /// <summary>The namespace sshd listens in, or null for the host namespace.</summary>
    public string? NetworkNamespace { get; }

    /// <summary>The user tests log in as: the one running them (sshd runs as root, so this is root).</summary>
    public string User { get; } = Environment.UserName;

    /// <summary>The user key whose public half is in the server's authorized_keys.</summary>
    public SshKeyPair UserKey { get; private set; } = null!;

    /// <summary>The server's ed25519 host key, as read from its .pub file.</summary>
    public HostKey Ed25519HostKey { get; private set; } = null!;

    /// <summary>The server's second host key (ecdsa), so tests can check which one is accepted.</summary>
    public HostKey EcdsaHostKey { get; private set; } = null!;

    public int Pid => _process?.Id ?? throw new InvalidOperationException("sshd is not running.");

    /// <summary>What sshd wrote to stderr (-e), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public SshIdentity Identity => SshIdentity.FromKeyPair(User, UserKey);

    /// <summary>
    /// Starts sshd on 127.0.0.1 at <paramref name="port"/> (a free one if null), in the host namespace or,
    /// when <paramref name="networkNamespace"/> is given, inside it via <c>ip netns exec</c>. Keys are fresh
    /// unless given, so a test can pin the host key before the server exists.
    /// </summary>
    public static async Task<SshdServer> StartAsync(
        int? port = null, string? networkNamespace = null, SshKeyPair? userKey = null, SshKeyPair? hostKey = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("vct-sshd-").FullName;
        var server = new SshdServer(directory, port ?? FreeLoopbackPort(), networkNamespace);
        try
        {
            await server.StartProcessAsync(userKey ?? SshKeyPair.Generate("test-user"), hostKey ?? SshKeyPair.Generate("test-host"));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A port on 127.0.0.1 nobody listens on right now.</summary>
    public static int FreeLoopbackPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>Where a client in the host namespace reaches this server, checked under <paramref name="hostName"/>.</summary>
    public SshEndpoint Endpoint(string hostName) => new(hostName, "127.0.0.1", Port);

    /// <summary>A known-hosts store with this server's ed25519 key pinned under <paramref name="hostName"/>.</summary>
    public KnownHosts PinnedUnder(string hostName)
    {
        var knownHosts = new KnownHosts();
        knownHosts.Pin(hostName, Ed25519HostKey);
        return knownHosts;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            try
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
                // It had already exited.
            }

            process.Dispose();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task StartProcessAsync(SshKeyPair userKey, SshKeyPair hostKey)
    {
        // sshd refuses to start without its privilege-separation directory.
        System.IO.Directory.CreateDirectory("/run/sshd");
        var ed25519 = Path.Combine(Directory, "ssh_host_ed25519_key");
        var ecdsa = Path.Combine(Directory, "ssh_host_ecdsa_key");
        hostKey.WritePrivateKeyFile(ed25519);
        await File.WriteAllTextAsync(ed25519 + ".pub", hostKey.PublicKeyLine + "\n");
        await RunAsync("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-C", "test-host", "-f", ecdsa);
        Ed25519HostKey = HostKey.Parse(await File.ReadAllTextAsync(ed25519 + ".pub"));
        EcdsaHostKey = HostKey.Parse(await File.ReadAllTextAsync(ecdsa + ".pub"));
        UserKey = userKey;
        var authorizedKeys = Path.Combine(Directory, "authorized_keys");
        await File.WriteAllTextAsync(authorizedKeys, UserKey.PublicKeyLine + "\n");

        var config = Path.Combine(Directory, "sshd_config");
        await File.WriteAllTextAsync(config, $"""
            ListenAddress 127.0.0.1
            Port {Port}
            HostKey {ed25519}
            HostKey {ecdsa}
            AuthorizedKeysFile {authorizedKeys}
            PidFile {Path.Combine(Directory, "sshd.pid")}
            StrictModes no
            UsePAM no
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UseDNS no
            PrintMotd no
            Subsystem sftp internal-sftp

            """);

        var start = NetworkNamespace is null
            ? new ProcessStartInfo(SshdPath)
            : new ProcessStartInfo("ip") { ArgumentList = { "netns", "exec", NetworkNamespace, SshdPath } };
        foreach (var argument in new[] { "-D", "-e", "-f", config })
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // `ip netns exec` execs sshd, so this PID is sshd's own.
        _process = Process.Start(start) ?? throw new InvalidOperationException("sshd did not start.");
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("sshd exited while starting:\n" + Log));
                return;
            }

            lock (_log)
            {
                _log.AppendLine(e.Data);
            }

            if (e.Data.Contains("Server listening on 127.0.0.1 port " + Port, StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException("sshd did not start listening within 20 s:\n" + Log, e);
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {await stderr}");
        }
    }
}
