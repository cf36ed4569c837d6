namespace VirtCluster.Benchmarks.Engine;

/// <summary>Medians: robust to the odd slow run on a shared machine.</summary>
public static class Median
{
    public static double Of(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
