using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Check;

/// <summary>Placements in the words suite files use, so that tables and suites read alike.</summary>
public static class PlacementText
{
    public static string Of(Placement placement) => placement switch
    {
        Placement.IntraSocket => "intra-socket",
        Placement.InterSocket => "inter-socket",
        Placement.InterNode => "inter-node",
        Placement.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(placement), placement, null),
    };
}
