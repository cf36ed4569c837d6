using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;

namespace VirtCluster.Bench.Stage;

/// <summary>Which side of a VM/bare-metal comparison an environment is on.</summary>
public enum EnvironmentRole
{
    /// <summary>The virtual cluster the stage measured.</summary>
    Cluster,

    /// <summary>A bare-metal host that ran the same suite as the baseline.</summary>
    BareMetal,
}

/// <summary>
/// One environment in the stage's outputs: its role, its fingerprint as the results file records it, and one latency
/// and one bandwidth per communication source it measured (<see cref="CommunicationSource.All"/>); a source it did not
/// measure is null.
/// </summary>
public sealed record StageEnvironment(
    EnvironmentRole Role,
    EnvironmentFingerprint Fingerprint,
    CommunicationFigures? Netpipe = null,
    CommunicationFigures? Imb = null,
    CommunicationFigures? Hpcc = null);

/// <summary>One environment's latency and bandwidth from one source (medians of its repetitions).</summary>
/// <param name="LatencyUs">One-way latency in microseconds: at the smallest message for swept sources.</param>
/// <param name="BandwidthBytesPerSecond">Bandwidth in bytes per second: the peak of the curve for swept sources.</param>
/// <param name="Placement">Where the two ranks sat.</param>
/// <param name="LatencyMessageSizeBytes">The message size latency was read at; null for sources that do not sweep.</param>
/// <param name="PeakBandwidthMessageSizeBytes">The message size of the peak bandwidth; null for sources that do not sweep.</param>
public sealed record CommunicationFigures(
    double LatencyUs,
    double BandwidthBytesPerSecond,
    Placement Placement,
    long? LatencyMessageSizeBytes = null,
    long? PeakBandwidthMessageSizeBytes = null);
