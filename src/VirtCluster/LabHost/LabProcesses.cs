using VirtCluster.Linux;

namespace VirtCluster.LabHost;

/// <summary>
/// Recognises a lab's processes without trusting names: a process belongs to the lab when it lives in
/// the lab's network namespace, or when its mount table has the lab's state folder bound over
/// /var/lib/libvirt (true for the daemon and every QEMU and dnsmasq it started, even after the
/// namespace name was deleted). Zombies are left out: they have exited and hold nothing but a pid until
/// their parent reaps them.
/// </summary>
internal static class LabProcesses
{
    public static List<LabProcess> Find(LabPaths paths, ulong? namespaceId)
    {
        var result = new List<LabProcess>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            var inNamespace = namespaceId is not null && NetworkNamespace.OfProcess(pid) == namespaceId;
            if ((inNamespace || MountsLabState(pid, paths)) && !IsZombie(pid))
            {
                result.Add(new LabProcess(pid, CommandOf(pid)));
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="pid"/> still runs and its mount table shows the lab's state folder.</summary>
    public static bool MountsLabState(int pid, LabPaths paths)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/mountinfo");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        // Field 4 is the mounted folder relative to its file system's root, field 5 the mount point;
        // the suffix test copes with a state folder on a file system mounted elsewhere than /.
        return lines.Select(line => line.Split(' '))
            .Any(fields => fields.Length > 4
                && fields[4] == "/var/lib/libvirt"
                && fields[3].Length > 1
                && paths.Lib.EndsWith(fields[3], StringComparison.Ordinal));
    }

    public static string CommandOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }

    /// <summary>The libvirt network a dnsmasq serves, from its <c>--conf-file=.../NAME.conf</c>; null if not one of libvirt's.</summary>
    public static string? DnsmasqNetwork(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0')
                .Where(arg => arg.StartsWith("--conf-file=/var/lib/libvirt/dnsmasq/", StringComparison.Ordinal) && arg.EndsWith(".conf", StringComparison.Ordinal))
                .Select(arg => Path.GetFileNameWithoutExtension(arg))
                .FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true; // gone meanwhile
        }
    }
}
