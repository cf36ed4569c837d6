using VirtCluster.Hosts;

namespace VirtCluster.Cluster;

/// <summary>
/// The programs a real host's libvirt URI needs, checked before libvirt is opened: <c>qemu+ssh</c> runs this machine's
/// <c>ssh</c> program, and every SSH transport runs <c>virt-ssh-helper</c> (or, on older hosts, <c>nc</c>) on the host.
/// Without them libvirt fails with a message that names neither the host nor the fix; these checks name both.
/// </summary>
public static class TransportPreflight
{
    public const string Check = "libvirt transport";

    /// <summary>Whether the URI reaches libvirt over SSH (in any of libvirt's SSH transports).</summary>
    public static bool OverSsh(string uri) =>
        uri.Contains("+ssh://", StringComparison.Ordinal) || uri.Contains("+libssh://", StringComparison.Ordinal) || uri.Contains("+libssh2://", StringComparison.Ordinal);

    /// <summary>A failing check when the URI runs the ssh program and <paramref name="path"/> (PATH's value) has none; null otherwise.</summary>
    public static PreflightCheck? Local(string host, string uri, string? path)
    {
        if (!uri.Contains("+ssh://", StringComparison.Ordinal))
        {
            return null;
        }

        var found = (path ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, "ssh"))
            .FirstOrDefault(File.Exists);
        return found is not null
            ? null
            : new PreflightCheck(host, Check, Verdict.Fail, "the URI's ssh transport runs the ssh program, which is not installed on this machine",
                "install openssh-client, or write the URI as qemu+libssh://, which needs no program");
    }

    /// <summary>What the host offers libvirt's SSH transport: virt-ssh-helper, else nc; a failing check when neither.</summary>
    public static async Task<PreflightCheck> RemoteAsync(string host, string uri, IHostCommandRunner runner, CancellationToken cancellationToken)
    {
        var helper = await runner.RunAsync(["sh", "-c", "command -v virt-ssh-helper"], TimeSpan.FromSeconds(30), cancellationToken);
        if (helper.ExitStatus == 0 && helper.Stdout.Trim().Length > 0)
        {
            return new PreflightCheck(host, Check, Verdict.Pass, $"virt-ssh-helper at {helper.Stdout.Trim()}", null);
        }

        var netcat = await runner.RunAsync(["sh", "-c", "command -v nc"], TimeSpan.FromSeconds(30), cancellationToken);
        var proxy = uri.Contains("proxy=native", StringComparison.Ordinal) ? "native" : "auto";
        return netcat.ExitStatus == 0 && proxy == "auto"
            ? new PreflightCheck(host, Check, Verdict.Warn, "no virt-ssh-helper on the host; libvirt falls back to nc", "install the host's libvirt daemon package, which provides virt-ssh-helper")
            : new PreflightCheck(host, Check, Verdict.Fail, "the host has no virt-ssh-helper" + (proxy == "native" ? " (the URI asks for proxy=native)" : " and no nc"),
                "install the host's libvirt daemon package (Debian: libvirt-daemon), which provides virt-ssh-helper");
    }
}
