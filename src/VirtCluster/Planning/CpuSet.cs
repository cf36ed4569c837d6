namespace VirtCluster.Planning;

/// <summary>libvirt cpuset strings (<c>0-3,6</c>): ranges keep the XML short and readable for 8-CPU hosts and 256-CPU ones alike.</summary>
public static class CpuSet
{
    public static string Format(IEnumerable<int> cpus)
    {
        var sorted = cpus.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(j == i ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }

        return string.Join(',', parts);
    }
}
