namespace VirtCluster.Libvirt.Interop;

/// <summary>libvirt's CPU bitmaps: bit (cpu % 8) of byte (cpu / 8) is set when the CPU is in the set.</summary>
internal static class CpuMap
{
    public static IReadOnlyList<int> Decode(ReadOnlySpan<byte> map, int cpuCount)
    {
        var cpus = new List<int>();
        for (var cpu = 0; cpu < cpuCount; cpu++)
        {
            if ((map[cpu / 8] & (1 << (cpu % 8))) != 0)
            {
                cpus.Add(cpu);
            }
        }

        return cpus;
    }
}
