using System.Net;
using System.Net.Sockets;
using VirtCluster.Images;
using VirtCluster.Linux;

namespace VirtCluster.LabHost;

/// <summary>Where a simulated host is and how it is reached: the same facts a real host's entry in a stack file gives.</summary>
/// <param name="Name">The host's name in the cluster (e.g. <c>sim01</c>).</param>
/// <param name="Namespace">Its network namespace.</param>
/// <param name="StateDirectory">Its private folder: its libvirtd's state, its sshd's keys and configuration.</param>
/// <param name="RootLink">The management link's end on this machine (at most 15 characters).</param>
/// <param name="RootAddress">This machine's address on the management link.</param>
/// <param name="Address">The host's management address: its sshd and, through it, its libvirtd.</param>
/// <param name="ManagementPrefix">Prefix length of the management link.</param>
/// <param name="Fabric">The fabric namespace the host's cluster bridge is joined to.</param>
/// <param name="FabricPort">The fabric end of the host's cluster link, inside the fabric namespace.</param>
/// <param name="ClusterBridge">The host's cluster bridge, which its guests are bridged onto.</param>
/// <param name="ClusterAddress">The host's own address on the cluster network (as a real host's IPoIB address).</param>
/// <param name="ClusterPrefix">Prefix length of the cluster network.</param>
public sealed record SimulatedHostLayout(
    string Name,
    string Namespace,
    string StateDirectory,
    string RootLink,
    string RootAddress,
    string Address,
    int ManagementPrefix,
    string Fabric,
    string FabricPort,
    string ClusterBridge,
    string ClusterAddress,
    int ClusterPrefix);

/// <summary>
/// A host simulated on this machine and reached exactly as a real one: a network namespace with its own libvirtd
/// (the lab's private daemon) and its own OpenSSH sshd (root by key only, its own host key), on a management link of
/// its own (a veth pair whose other end is on this machine), with a cluster bridge joined at layer 2 to the other
/// hosts' through the fabric. The tool then reads its facts over SSH, opens libvirt over <c>qemu+libssh</c>, and reaches
/// its guests through it. All simulated hosts share this machine's kernel, CPUs and memory. Start and Stop are
/// idempotent; Start after a crash first removes what the crashed run left.
/// </summary>
public sealed class SimulatedHost
{
    /// <summary>The host's end of its management link, inside its namespace.</summary>
    public const string ManagementLink = "mgmt0";
    private const string ClusterLink = "fabric0";
    private static readonly TimeSpan SshdStartTimeout = TimeSpan.FromSeconds(20);

    public SimulatedHost(SimulatedHostLayout layout)
    {
        Layout = layout;
        Daemon = new LabEnvironment(layout.Namespace, layout.StateDirectory);
    }

    public SimulatedHostLayout Layout { get; }

    /// <summary>The host's namespace and libvirtd.</summary>
    public LabEnvironment Daemon { get; }

    public string SshFolder => Path.Combine(Daemon.Paths.Root, "ssh");

    public string HostKeyFile => Path.Combine(SshFolder, "ssh_host_ed25519_key");

    private string SshdConfigFile => Path.Combine(SshFolder, "sshd_config");

    private string AuthorizedKeysFile => Path.Combine(SshFolder, "authorized_keys");

    private string SshdPidFile => Path.Combine(Daemon.Paths.Run, "sshd.pid");

    /// <summary>The host's SSH host key as an OpenSSH public key line, once it has one.</summary>
    public string? HostKey => File.Exists(HostKeyFile + ".pub") ? string.Join(' ', File.ReadAllText(HostKeyFile + ".pub").Split(' ').Take(2)) : null;

    /// <summary>True when the host's libvirtd runs and its sshd accepts connections on the management address.</summary>
    public bool IsRunning => Daemon.IsRunning && SshdPid() is not null;

    /// <summary>
    /// Starts the host (namespace, libvirtd, links, sshd) authorising <paramref name="authorizedKeys"/> for root; the
    /// fabric namespace must exist. Returns the host's SSH host key line.
    /// </summary>
    public async Task<string> StartAsync(IReadOnlyList<string> authorizedKeys, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (!NetworkNamespace.Exists(Layout.Fabric))
        {
            throw new InvalidOperationException($"{Layout.Name}: the fabric namespace '{Layout.Fabric}' does not exist; start the fabric first");
        }

        try
        {
            await Daemon.StartAsync(progress, cancellationToken).ConfigureAwait(false);

            // Where a Debian host keeps its guests' logs (serial consoles included); the daemon makes it only for its own logs.
            Directory.CreateDirectory(Path.Combine(Daemon.Paths.Log, "qemu"));
            await LinkAsync(cancellationToken).ConfigureAwait(false);
            await WriteSshdFilesAsync(authorizedKeys, cancellationToken).ConfigureAwait(false);
            await StartSshdAsync(progress, cancellationToken).ConfigureAwait(false);
            File.WriteAllText(FleetLayout.KnownHostsFile(Layout), $"{Layout.Address} {HostKey}\n");
            return HostKey!;
        }
        catch
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Brings back what died on a host that lives on (its namespace and state): its libvirtd (with its guests still
    /// running) and its sshd. Returns false when there is no such host, or nothing was down.
    /// </summary>
    public async Task<bool> ResumeAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var resumed = await Daemon.ResumeAsync(progress, cancellationToken).ConfigureAwait(false);
        var gate = SshdGates.GetOrAdd(Layout.Namespace, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (NetworkNamespace.Exists(Layout.Namespace) && File.Exists(SshdConfigFile) && SshdPid() is null)
            {
                progress?.Report($"{Layout.Name}: sshd was not running; restarting it");
                await StartSshdAsync(progress, cancellationToken).ConfigureAwait(false);
                resumed = true;
            }
        }
        finally
        {
            gate.Release();
        }

        return resumed;
    }

    /// <summary>One sshd restart per host at a time, however many readers find it dead.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> SshdGates = new(StringComparer.Ordinal);

    /// <summary>Stops everything in the host's namespace, deletes it (and with it both links) and removes its state.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var hadNamespace = NetworkNamespace.Exists(Layout.Namespace);
        await Daemon.StopAsync(cancellationToken).ConfigureAwait(false);

        // The kernel removes this machine's end of the management link some time after the namespace holding the
        // other end is deleted: wait for that, then delete a link left without a namespace (a start cut short).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(hadNamespace ? 10 : 0);
        while (await LinkExistsAsync(Layout.RootLink, cancellationToken).ConfigureAwait(false) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        if (await LinkExistsAsync(Layout.RootLink, cancellationToken).ConfigureAwait(false))
        {
            await HostCommand.RunAsync(["ip", "link", "del", Layout.RootLink], new ProcessOptions(), cancellationToken).ConfigureAwait(false);
            if (await LinkExistsAsync(Layout.RootLink, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"{Layout.Name}: cannot delete the management link {Layout.RootLink}; remove it with: ip link del {Layout.RootLink}");
            }
        }

        if (NetworkNamespace.Exists(Layout.Fabric))
        {
            // Gone with the host's namespace, or soon after; deleted here only if it outlived it.
            var ports = await NetworkNamespace.LinksAsync(Layout.Fabric, cancellationToken).ConfigureAwait(false);
            if (ports.Contains(Layout.FabricPort))
            {
                await HostCommand.RunAsync(["ip", "-n", Layout.Fabric, "link", "del", Layout.FabricPort], new ProcessOptions(), cancellationToken).ConfigureAwait(false);
            }
        }

        SafeFolder.Delete(SshFolder);
    }

    /// <summary>What the host left behind: its lab leftovers, and its management link on this machine.</summary>
    public async Task<LabLeftovers> FindLeftoversAsync(CancellationToken cancellationToken)
    {
        var leftovers = await Daemon.FindLeftoversAsync(cancellationToken).ConfigureAwait(false);
        var links = leftovers.Links.ToList();
        if (await LinkExistsAsync(Layout.RootLink, cancellationToken).ConfigureAwait(false))
        {
            links.Add(Layout.RootLink);
        }

        var paths = leftovers.Paths.Concat(Directory.Exists(SshFolder) ? [SshFolder] : []).ToList();
        return leftovers with { Links = links, Paths = paths };
    }

    /// <summary>
    /// The management link (this machine's end keeps <see cref="SimulatedHostLayout.RootAddress"/>), the cluster bridge
    /// with the host's cluster address, and the cluster link from that bridge into the fabric's bridge.
    /// </summary>
    private async Task LinkAsync(CancellationToken cancellationToken)
    {
        var l = Layout;
        if (await LinkExistsAsync(l.RootLink, cancellationToken).ConfigureAwait(false))
        {
            await HostCommand.RunCheckedAsync("ip", ["link", "del", l.RootLink], null, cancellationToken).ConfigureAwait(false);
        }

        var ns = l.Namespace;
        string[][] commands =
        [
            ["link", "add", l.RootLink, "type", "veth", "peer", "name", ManagementLink, "netns", ns],
            ["addr", "add", $"{l.RootAddress}/{l.ManagementPrefix}", "dev", l.RootLink],
            ["link", "set", l.RootLink, "up"],
            ["-n", ns, "addr", "add", $"{l.Address}/{l.ManagementPrefix}", "dev", ManagementLink],
            ["-n", ns, "link", "set", ManagementLink, "up"],
            ["-n", ns, "link", "add", l.ClusterBridge, "type", "bridge"],
            ["-n", ns, "addr", "add", $"{l.ClusterAddress}/{l.ClusterPrefix}", "dev", l.ClusterBridge],
            ["-n", ns, "link", "set", l.ClusterBridge, "up"],
            ["-n", ns, "link", "add", ClusterLink, "type", "veth", "peer", "name", l.FabricPort, "netns", l.Fabric],
            ["-n", ns, "link", "set", ClusterLink, "master", l.ClusterBridge, "up"],
            ["-n", l.Fabric, "link", "set", l.FabricPort, "master", SimulatedFabric.Bridge, "up"],
        ];
        foreach (var command in commands)
        {
            await HostCommand.RunCheckedAsync("ip", command, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteSshdFilesAsync(IReadOnlyList<string> authorizedKeys, CancellationToken cancellationToken)
    {
        Posix.CreateDirectory(SshFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (!File.Exists(HostKeyFile))
        {
            await HostCommand.RunCheckedAsync(
                "ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", Layout.Name, "-f", HostKeyFile], null, cancellationToken).ConfigureAwait(false);
        }

        File.WriteAllText(AuthorizedKeysFile, string.Concat(authorizedKeys.Select(k => k.Trim() + "\n")));
        File.WriteAllText(SshdConfigFile, $"""
            # Written by VirtCluster for the simulated host {Layout.Name}: root by key only, this host's own keys.
            ListenAddress {Layout.Address}
            ListenAddress {Layout.ClusterAddress}
            HostKey {HostKeyFile}
            PidFile /run/sshd.pid
            AuthorizedKeysFile {AuthorizedKeysFile}
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            Subsystem sftp internal-sftp

            """);
    }

    /// <summary>
    /// sshd runs with the daemon's mounts, so what it starts (virt-ssh-helper for libvirt, a shell reading a console
    /// log) sees the host's libvirtd socket and logs where a real host has them.
    /// </summary>
    private async Task StartSshdAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report($"{Layout.Name}: starting sshd on {Layout.Address}");
        var script = Daemon.MountScript() + $"; mkdir -p /run/sshd; exec /usr/sbin/sshd -f {LabEnvironment.Quote(SshdConfigFile)} -E {LabEnvironment.Quote(Path.Combine(Daemon.Paths.Log, "sshd.log"))}";
        await HostCommand.RunCheckedAsync("ip", Daemon.InNamespace("bash", "-c", script).Skip(1), null, cancellationToken).ConfigureAwait(false);
        var deadline = DateTime.UtcNow + SshdStartTimeout;
        while (!await AcceptsAsync(IPAddress.Parse(Layout.Address), 22, cancellationToken).ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"{Layout.Name}: sshd did not accept connections on {Layout.Address}:22 within {SshdStartTimeout.TotalSeconds:F0} s; see {Path.Combine(Daemon.Paths.Log, "sshd.log")}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The host's sshd (the listener) from its pid file, if that process is alive and in the host's namespace.</summary>
    public int? SshdPid()
    {
        if (!File.Exists(SshdPidFile) || !int.TryParse(File.ReadAllText(SshdPidFile).Trim(), out var pid))
        {
            return null;
        }

        return LabEnvironment.IsAlive(pid) && NetworkNamespace.OfProcess(pid) is { } ns && ns == NetworkNamespace.Identity(Layout.Namespace)
            && LabProcesses.CommandOf(pid) == "sshd" ? pid : null;
    }

    private static async Task<bool> AcceptsAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(address, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<bool> LinkExistsAsync(string link, CancellationToken cancellationToken) =>
        (await HostCommand.RunAsync(["ip", "link", "show", link], new ProcessOptions(), cancellationToken).ConfigureAwait(false)).ExitCode == 0;
}
