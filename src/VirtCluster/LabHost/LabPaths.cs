namespace VirtCluster.LabHost;

/// <summary>
/// The folders of a lab's private libvirtd and where each appears inside its mount namespace. The
/// capabilities cache lives in <see cref="Cache"/> and survives a stop: QEMU re-probing costs seconds.
/// </summary>
public sealed class LabPaths
{
    /// <summary>Unix socket paths longer than this do not fit in <c>sockaddr_un</c>.</summary>
    private const int MaximumSocketPath = 107;

    public LabPaths(string stateDirectory)
    {
        Root = Path.GetFullPath(stateDirectory).TrimEnd('/');
        if (Socket.Length > MaximumSocketPath)
        {
            throw new ArgumentException(
                $"lab state folder '{Root}' is too deep: its libvirt socket path would exceed {MaximumSocketPath} characters; use a shorter path",
                nameof(stateDirectory));
        }
    }

    public string Root { get; }

    /// <summary>Seen as /run inside the lab (pid file, libvirt sockets, dnsmasq pid files).</summary>
    public string Run => Path.Combine(Root, "run");

    /// <summary>Seen as /var/lib/libvirt (domain state, dnsmasq leases and host files).</summary>
    public string Lib => Path.Combine(Root, "lib");

    /// <summary>Seen as /var/cache/libvirt; kept across stops for the QEMU capabilities cache.</summary>
    public string Cache => Path.Combine(Root, "cache");

    /// <summary>Seen as /etc/libvirt.</summary>
    public string Config => Path.Combine(Root, "etc", "libvirt");

    /// <summary>Seen as /var/log/libvirt: libvirtd.log and the per-domain QEMU logs under qemu/.</summary>
    public string Log => Path.Combine(Root, "log");

    /// <summary>
    /// Where node overlays belong: QEMU runs inside the lab's mount namespace but still sees host paths,
    /// so domain XML uses this host path; removed with the lab.
    /// </summary>
    public string Overlays => Path.Combine(Lib, "images");

    /// <summary>Where serial console files belong (the host key is read from them); removed with the lab.</summary>
    public string Consoles => Path.Combine(Log, "console");

    public string ConsoleLog(string domain) => Path.Combine(Consoles, domain + ".log");

    public string PidFile => Path.Combine(Run, "libvirtd.pid");

    public string Socket => Path.Combine(Run, "libvirt", "libvirt-sock");

    /// <summary>Bind mounts made inside the lab's mount namespace: private folder, then where it appears.</summary>
    public IReadOnlyList<(string Source, string Target)> Mounts =>
    [
        (Run, "/run"),
        (Lib, "/var/lib/libvirt"),
        (Cache, "/var/cache/libvirt"),
        (Config, "/etc/libvirt"),
        (Log, "/var/log/libvirt"),
    ];
}
