using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Deployment;

/// <summary>How <c>up</c> and <c>destroy</c> run.</summary>
public sealed record DeploymentOptions
{
    /// <summary>At most this many provider operations at once.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Keep going after a failure with everything that does not depend on it.</summary>
    public bool ContinueOnError { get; init; }

    /// <summary>Only these resources and what depends on them; empty for all.</summary>
    public IReadOnlyList<Urn> Targets { get; init; } = [];

    /// <summary>
    /// Replace these resources even where nothing changed (<c>--replace</c>), as if their provider had asked for it.
    /// With <see cref="Targets"/>, they are targets too.
    /// </summary>
    public IReadOnlyList<Urn> Replace { get; init; } = [];

    /// <summary>Remove another run's lock first.</summary>
    public bool ForceUnlock { get; init; }
}
