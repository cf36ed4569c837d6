namespace VirtCluster.Bench.Model;

/// <summary>
/// Where the communicating ranks sit relative to each other. Latency differs by an order of magnitude
/// between these, so a sample without its placement cannot be compared with another.
/// </summary>
public enum Placement
{
    /// <summary>Not a point-to-point measurement, or the placement is not known.</summary>
    None,

    /// <summary>Two ranks on one node, on cores of the same socket.</summary>
    IntraSocket,

    /// <summary>Two ranks on one node, on different sockets.</summary>
    InterSocket,

    /// <summary>Ranks on different nodes.</summary>
    InterNode,
}
