namespace VirtCluster.LabHost;

/// <summary>
/// Writes the private daemon's /etc/libvirt: the host's nwfilter rules, but fresh daemon and QEMU
/// settings and no networks, domains, pools or hooks, so the host's configuration (above all the
/// default NAT network) never comes along.
/// </summary>
internal static class LibvirtdConfig
{
    private const string HostConfig = "/etc/libvirt";

    /// <summary>
    /// QEMU runs as root so that it can read base images in the user's cache without libvirt changing
    /// their owner; its stdio goes to a file, so no virtlogd is needed.
    /// </summary>
    private const string QemuConf = """
        # Written by VirtCluster for a private lab daemon.
        stdio_handler = "file"
        user = "root"
        group = "root"
        dynamic_ownership = 0
        remember_owner = 0
        security_driver = "none"

        """;

    private const string LibvirtdConf = """
        # Written by VirtCluster for a private lab daemon: local socket only, errors to a file.
        listen_tls = 0
        listen_tcp = 0
        unix_sock_group = "root"
        unix_sock_rw_perms = "0700"
        log_outputs = "3:file:/var/log/libvirt/libvirtd.log"

        """;

    public static void Write(string configDirectory)
    {
        if (Directory.Exists(configDirectory))
        {
            Directory.Delete(configDirectory, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(configDirectory, "qemu", "networks", "autostart"));
        var nwfilter = Path.Combine(HostConfig, "nwfilter");
        if (Directory.Exists(nwfilter))
        {
            var target = Path.Combine(configDirectory, "nwfilter");
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(nwfilter, "*.xml"))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        File.WriteAllText(Path.Combine(configDirectory, "qemu.conf"), QemuConf);
        File.WriteAllText(Path.Combine(configDirectory, "libvirtd.conf"), LibvirtdConf);
    }
}
