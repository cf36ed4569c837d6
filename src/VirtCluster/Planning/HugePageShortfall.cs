namespace VirtCluster.Planning;

/// <summary>Where free hugepages fall short: a host cell bound to a guest cell, or the whole host (null cell) for a flat guest.</summary>
public sealed record HugePageShortfall(int? HostCell, long PageSizeKiB, long Needed, long Free)
{
    public override string ToString() =>
        $"{(HostCell is { } c ? $"cell {c}" : "the host")} needs {Needed} free {PageSizeKiB / 1024} MiB hugepages but has {Free}";
}
