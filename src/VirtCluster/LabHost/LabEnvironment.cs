using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using VirtCluster.Images;
using VirtCluster.Linux;

namespace VirtCluster.LabHost;

/// <summary>
/// A private libvirtd in its own network namespace, so that guests, their bridge and dnsmasq live where
/// no traffic can reach the host's networks, and the host's own libvirtd is never touched. Start and Stop
/// are idempotent; Start after a crash first removes what the crashed run left, from the state folder.
/// </summary>
public sealed partial class LabEnvironment
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <param name="name">Network namespace name (letters, digits, '-', '_'; at most 32), e.g. <c>vc-local</c>.</param>
    /// <param name="stateDirectory">Private folder for the daemon, e.g. <c>.virtcluster/lab/local</c>; made mode 0700.</param>
    public LabEnvironment(string name, string stateDirectory)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a usable namespace name (letters, digits, '-', '_'; at most 32)", nameof(name));
        }

        Name = name;
        Paths = new LabPaths(stateDirectory);
    }

    /// <summary>The network namespace; run a program in it with <see cref="InNamespace"/>.</summary>
    public string Name { get; }

    public LabPaths Paths { get; }

    /// <summary>libvirt URI of the private daemon, usable from the host's namespace (the socket is a file).</summary>
    public string ConnectionUri => $"qemu:///system?socket={Paths.Socket}";

    /// <summary>True when the daemon from this state folder runs and its socket accepts connections.</summary>
    public bool IsRunning => DaemonPid() is not null && SocketAccepts();

    /// <summary>True when the daemon died but the lab lives on (namespace and state): <see cref="ResumeAsync"/> brings it back.</summary>
    public bool IsResumable => !IsRunning && NetworkNamespace.Exists(Name) && Directory.Exists(Paths.Run) && Directory.Exists(Paths.Lib);

    /// <summary>The program and arguments that run <paramref name="command"/> inside the lab's namespace.</summary>
    public IReadOnlyList<string> InNamespace(params string[] command) => ["ip", "netns", "exec", Name, .. command];

    /// <summary>Creates the namespace and state folders and starts the daemon; does nothing if it already runs.</summary>
    public async Task StartAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            progress?.Report($"lab {Name}: libvirtd already running ({ConnectionUri})");
            return;
        }

        RequireRoot();
        if (!(await FindLeftoversAsync(cancellationToken).ConfigureAwait(false)).IsClean)
        {
            progress?.Report($"lab {Name}: cleaning up after an earlier run");
            await StopAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            CreateStateFolders();
            await NetworkNamespace.EnsureAsync(Name, cancellationToken).ConfigureAwait(false);
            progress?.Report($"lab {Name}: starting libvirtd");
            await HostCommand.RunCheckedAsync("ip", InNamespace("bash", "-c", DaemonScript()).Skip(1), null, cancellationToken)
                .ConfigureAwait(false);
            await WaitForSocketAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report($"lab {Name}: ready at {ConnectionUri}");
        }
        catch
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Restarts the daemon of a lab whose libvirtd died (killed, crashed) while the lab itself lives on: its
    /// namespace, its state folders and whatever it had started (guests, dnsmasq). libvirtd takes its running
    /// domains and networks back from those folders, so guests keep running. Does nothing and returns false when
    /// the daemon runs, or when there is no lab to resume (no namespace or no state): a lab is created by
    /// <see cref="StartAsync"/> only.
    /// </summary>
    public async Task<bool> ResumeAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        // Two readers of one run may find the daemon dead at once (a connection and a resource's read): one restarts it.
        var gate = ResumeGates.GetOrAdd(Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ResumeOnceAsync(progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> ResumeGates = new(StringComparer.Ordinal);

    private async Task<bool> ResumeOnceAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (!IsResumable)
        {
            return false;
        }

        RequireRoot();
        if (DaemonPid() is { } hung)
        {
            // Alive but not answering on its socket.
            await TerminateAsync([hung], cancellationToken).ConfigureAwait(false);
        }

        await RemoveHalfStartedNetworksAsync(progress, cancellationToken).ConfigureAwait(false);
        progress?.Report($"lab {Name}: libvirtd was not running; restarting it on the lab's state (running guests are kept)");
        await HostCommand.RunCheckedAsync("ip", InNamespace("bash", "-c", DaemonScript()).Skip(1), null, cancellationToken)
            .ConfigureAwait(false);
        await WaitForSocketAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Stops the daemon (by its pid file, after checking it is this lab's libvirtd), then any lab process
    /// still running, deletes the namespace and removes the state folders and per-domain logs. The
    /// capabilities cache stays. Domains, networks and overlays should be removed through libvirt first;
    /// QEMUs still running here are treated as leftovers of a crash and stopped.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (DaemonPid() is { } daemon)
        {
            await TerminateAsync([daemon], cancellationToken).ConfigureAwait(false);
        }

        var others = LabProcesses.Find(Paths, NetworkNamespace.Identity(Name)).Select(p => p.Pid).ToList();
        await TerminateAsync(others, cancellationToken).ConfigureAwait(false);
        await NetworkNamespace.DeleteAsync(Name, cancellationToken).ConfigureAwait(false);
        foreach (var folder in new[] { Paths.Run, Paths.Lib, Paths.Log, Path.GetDirectoryName(Paths.Config)! })
        {
            SafeFolder.Delete(folder);
        }
    }

    /// <summary>Everything of this lab that still exists; used after Stop to prove the machine is as before.</summary>
    public async Task<LabLeftovers> FindLeftoversAsync(CancellationToken cancellationToken)
    {
        var namespaceExists = NetworkNamespace.Exists(Name);
        var processes = LabProcesses.Find(Paths, NetworkNamespace.Identity(Name));
        var links = await NetworkNamespace.LinksAsync(Name, cancellationToken).ConfigureAwait(false);
        var paths = new[] { Paths.Run, Paths.Lib, Paths.Log, Paths.Config }.Where(Directory.Exists).ToList();
        return new LabLeftovers(namespaceExists ? Name : null, processes, links, paths);
    }

    /// <summary>
    /// A network whose start the daemon's death cut short has its bridge, and maybe its dnsmasq, but no status file:
    /// libvirt, once back, sees it stopped and could not start it over them. Removes those; networks that had
    /// started (a status file names their bridge) are left to libvirt to take back.
    /// </summary>
    private async Task RemoveHalfStartedNetworksAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var statusFolder = Path.Combine(Paths.Run, "libvirt", "network");
        var started = Directory.Exists(statusFolder)
            ? Directory.GetFiles(statusFolder, "*.xml").Select(file => (Name: Path.GetFileNameWithoutExtension(file), Status: XDocument.Load(file))).ToList()
            : [];
        var startedBridges = started.SelectMany(n => n.Status.Descendants("bridge")).Select(b => (string?)b.Attribute("name")).OfType<string>().ToHashSet();
        foreach (var bridge in await NetworkNamespace.BridgesAsync(Name, cancellationToken).ConfigureAwait(false))
        {
            if (!startedBridges.Contains(bridge))
            {
                progress?.Report($"lab {Name}: removing bridge {bridge}, left by a network start that did not finish");
                await NetworkNamespace.DeleteLinkAsync(Name, bridge, cancellationToken).ConfigureAwait(false);
            }
        }

        var startedNames = started.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var strays = LabProcesses.Find(Paths, NetworkNamespace.Identity(Name))
            .Where(p => p.Command == "dnsmasq" && LabProcesses.DnsmasqNetwork(p.Pid) is { } network && !startedNames.Contains(network))
            .Select(p => p.Pid)
            .ToList();
        await TerminateAsync(strays, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The daemon's pid from the pid file, if that process is alive and really this lab's libvirtd.</summary>
    private int? DaemonPid()
    {
        if (!File.Exists(Paths.PidFile) || !int.TryParse(File.ReadAllText(Paths.PidFile).Trim(), out var pid))
        {
            return null;
        }

        return LabProcesses.CommandOf(pid) == "libvirtd" && LabProcesses.MountsLabState(pid, Paths) ? pid : null;
    }

    private void CreateStateFolders()
    {
        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode Shared = Private | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Posix.CreateDirectory(Paths.Root, Private);

        // Shared modes below the private root: dnsmasq drops to its own user and reads its files through
        // the bind mount, which does not pass through the private root.
        foreach (var folder in Paths.Mounts.Select(m => m.Source).Append(Paths.Overlays).Append(Paths.Consoles))
        {
            Posix.CreateDirectory(folder, Shared);
        }

        LibvirtdConfig.Write(Paths.Config);
    }

    /// <summary>
    /// Runs inside <c>ip netns exec</c>, which gives the shell its own mount namespace: the bind mounts
    /// are visible only to the daemon and what it starts, never to the host.
    /// </summary>
    private string DaemonScript() => MountScript() + "; exec libvirtd -d -p /run/libvirtd.pid";

    /// <summary>
    /// The shell commands that make the lab's folders appear where the daemon looks for them; a program started
    /// after them inside <c>ip netns exec</c> sees what libvirtd sees (its socket, its domains' logs).
    /// </summary>
    internal string MountScript() =>
        "set -e; " + CloseInheritedFiles + "; " + string.Join("; ", Paths.Mounts.Select(m => $"mount --bind {Quote(m.Source)} {Quote(m.Target)}"));

    /// <summary>
    /// A daemon outlives the run that starts it: it must not keep what that run inherited open (a lock a wrapper such
    /// as flock holds for the run, a pipe a caller waits on to close), so the shell (bash: dash cannot name descriptors
    /// above 9) closes every descriptor above 2.
    /// </summary>
    private const string CloseInheritedFiles = "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\" || true; done";

    private async Task WaitForSocketAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        while (!SocketAccepts())
        {
            if (timeout.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new InvalidOperationException(
                    $"lab {Name}: libvirtd did not open {Paths.Socket} within {StartTimeout.TotalSeconds:F0} s; see {Path.Combine(Paths.Log, "libvirtd.log")}");
            }

            await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private bool SocketAccepts()
    {
        if (!File.Exists(Paths.Socket))
        {
            return false;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(Paths.Socket));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM, a grace period, then SIGKILL; only for pids verified to be this lab's.</summary>
    internal static async Task TerminateAsync(IReadOnlyList<int> pids, CancellationToken cancellationToken)
    {
        foreach (var pid in pids)
        {
            _ = Posix.Kill(pid, Posix.SigTerm);
        }

        var deadline = DateTime.UtcNow + StopTimeout;
        while (pids.Any(IsAlive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        foreach (var pid in pids.Where(IsAlive))
        {
            _ = Posix.Kill(pid, Posix.SigKill);
        }
    }

    /// <summary>Alive and not a zombie (a killed child waits for its parent to reap it).</summary>
    internal static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void RequireRoot()
    {
        if (!Posix.IsRoot)
        {
            throw new InvalidOperationException("a lab needs root (network namespaces, bind mounts, libvirtd); run with sudo");
        }
    }

    internal static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex NamePattern();
}
