using System.Globalization;
using VirtCluster.Hosts;

namespace VirtCluster.Cluster;

/// <summary>
/// This machine's CPU and NUMA topology read from sysfs, for lab mode: preview must not start the lab's
/// libvirtd just to ask it, and the kernel's own view is what libvirt would report anyway.
/// </summary>
public static class LocalHostCapabilities
{
    public static HostCapabilities Read(string sysfs = "/sys/devices/system")
    {
        var cpus = Directory.EnumerateDirectories(Path.Combine(sysfs, "cpu"), "cpu*")
            .Select(d => Path.GetFileName(d)[3..])
            .Where(id => id.Length > 0 && id.All(char.IsAsciiDigit))
            .Select(id => int.Parse(id, CultureInfo.InvariantCulture))
            .Where(id => File.Exists(Path.Combine(sysfs, "cpu", $"cpu{id}", "topology", "core_id")))
            .Select(id => new HostCpu(
                id,
                ReadInt(Path.Combine(sysfs, "cpu", $"cpu{id}", "topology", "physical_package_id")),
                ReadInt(Path.Combine(sysfs, "cpu", $"cpu{id}", "topology", "core_id"))))
            .OrderBy(c => c.Id)
            .ToList();

        var cells = new List<NumaCell>();
        var nodeRoot = Path.Combine(sysfs, "node");
        foreach (var node in Directory.Exists(nodeRoot) ? Directory.EnumerateDirectories(nodeRoot, "node*") : [])
        {
            if (!int.TryParse(Path.GetFileName(node)[4..], CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            var members = ParseCpuList(File.ReadAllText(Path.Combine(node, "cpulist")));
            cells.Add(new NumaCell(id, [.. cpus.Where(c => members.Contains(c.Id))], NodeMemoryBytes(node), new Dictionary<long, long>()));
        }

        if (cells.Count == 0)
        {
            cells.Add(new NumaCell(0, cpus, MemTotalBytes(), new Dictionary<long, long>()));
        }

        var sockets = Math.Max(1, cpus.Select(c => c.SocketId).Distinct().Count());
        var cores = Math.Max(1, cpus.Select(c => (c.SocketId, c.CoreId)).Distinct().Count() / sockets);
        var threads = Math.Max(1, cpus.Count / (sockets * cores));
        var kvm = File.Exists("/dev/kvm") ? new HashSet<string> { "qemu", "kvm" } : new HashSet<string> { "qemu" };
        return new HostCapabilities("x86_64", sockets, cores, threads, [.. cells.OrderBy(c => c.Id)], kvm);
    }

    private static int ReadInt(string path) => int.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture);

    private static HashSet<int> ParseCpuList(string text)
    {
        var set = new HashSet<int>();
        foreach (var part in text.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            var first = int.Parse(range[0], CultureInfo.InvariantCulture);
            var last = range.Length > 1 ? int.Parse(range[1], CultureInfo.InvariantCulture) : first;
            for (var i = first; i <= last; i++)
            {
                set.Add(i);
            }
        }

        return set;
    }

    private static long NodeMemoryBytes(string node)
    {
        // "Node 0 MemTotal:       24508340 kB"
        var line = File.ReadLines(Path.Combine(node, "meminfo")).First(l => l.Contains("MemTotal:", StringComparison.Ordinal));
        return KiB(line);
    }

    private static long MemTotalBytes() => KiB(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)));

    private static long KiB(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(fields[^2], CultureInfo.InvariantCulture) * 1024;
    }
}
