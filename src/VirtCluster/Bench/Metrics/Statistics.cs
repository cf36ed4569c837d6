using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Metrics;

/// <summary>Reductions shared by the metric tables: the median of repetitions and the environment a sample counts under.</summary>
public static class Statistics
{
    /// <summary>
    /// The median of repeated measurements: one disturbed repetition (a daemon waking up, a page-cache
    /// flush) does not move it, unlike the mean.
    /// </summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("the median of no values is undefined", nameof(values));
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The environment a sample belongs to in tables: its name, or its kind when unnamed.</summary>
    public static string EnvironmentOf(Sample sample) =>
        sample.Meta.EnvironmentName.Length > 0 ? sample.Meta.EnvironmentName : sample.Meta.EnvironmentKind.ToString();
}
