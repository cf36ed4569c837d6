namespace VirtCluster.Tests.Fuzzing;

/// <summary>
/// The fuzz targets run one after another rather than side by side, so that each gets a whole core and reaches its
/// case count within the budget instead of the targets starving each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FuzzingCollection
{
    public const string Name = "Fuzzing";
}
