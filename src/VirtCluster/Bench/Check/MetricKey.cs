using System.Globalization;
using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Check;

/// <summary>
/// Identifies one comparable number across results files: a sample's metric and everything about where and
/// how it was measured, except what changes from run to run by design (run id, program version). Repetitions
/// share a key and are reduced to their median.
/// </summary>
/// <param name="Environment">Environment name (kind when unnamed).</param>
/// <param name="Benchmark">Program or kernel from the sample's metadata.</param>
/// <param name="Metric">The sample's metric name.</param>
/// <param name="Unit">The sample's unit; a unit change makes a different metric.</param>
/// <param name="Placement">Relative position of the communicating ranks.</param>
/// <param name="MessageSizeBytes">Message size of communication benchmarks.</param>
/// <param name="Nodes">Nodes the run used.</param>
/// <param name="Ranks">MPI processes in total.</param>
/// <param name="Threads">OpenMP threads per process.</param>
/// <param name="Parameters">The sample's parameters as sorted <c>key=value</c> pairs, so that equal sets compare equal.</param>
public sealed record MetricKey(
    string Environment,
    string Benchmark,
    string Metric,
    string Unit,
    Placement Placement,
    long? MessageSizeBytes,
    int? Nodes,
    int? Ranks,
    int? Threads,
    string Parameters)
{
    public static MetricKey Of(Sample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var meta = sample.Meta;
        var parameters = string.Join(
            " ",
            meta.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return new MetricKey(
            meta.EnvironmentName.Length > 0 ? meta.EnvironmentName : meta.EnvironmentKind.ToString(),
            meta.Benchmark,
            sample.Metric,
            sample.Unit,
            meta.Placement,
            meta.MessageSizeBytes,
            meta.Nodes,
            meta.Ranks,
            meta.Threads,
            parameters);
    }

    /// <summary>Where the number was measured, in the words a reader of the check table needs to find it again.</summary>
    public string Point
    {
        get
        {
            var parts = new List<string>();
            if (Placement != Placement.None)
            {
                parts.Add(PlacementText.Of(Placement));
            }

            if (MessageSizeBytes is { } size)
            {
                parts.Add(size.ToString(CultureInfo.InvariantCulture) + " B");
            }

            if (Nodes is { } nodes)
            {
                parts.Add(nodes.ToString(CultureInfo.InvariantCulture) + " nodes");
            }

            if (Ranks is { } ranks)
            {
                parts.Add("np " + ranks.ToString(CultureInfo.InvariantCulture));
            }

            if (Threads is { } threads)
            {
                parts.Add("t " + threads.ToString(CultureInfo.InvariantCulture));
            }

            if (Parameters.Length > 0)
            {
                parts.Add(Parameters);
            }

            return string.Join(", ", parts);
        }
    }
}
