using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;

namespace VirtCluster.Engine.Deployment;

/// <summary>How a resource differs from its record.</summary>
public enum DriftKind
{
    /// <summary>It exists but its inputs or outputs differ.</summary>
    Changed,

    /// <summary>It no longer exists.</summary>
    Deleted,
}

/// <summary>One resource changed outside the tool; property values are masked where secret.</summary>
public sealed record Drift(Urn Urn, DriftKind Kind, IReadOnlyList<PropertyDiff> Properties);

/// <summary>What refresh found, and whether it was recorded.</summary>
public sealed record RefreshResult(IReadOnlyList<Drift> Drifts, int Unchanged, bool Recorded, TimeSpan Duration);
