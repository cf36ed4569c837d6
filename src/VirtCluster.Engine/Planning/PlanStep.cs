using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Planning;

/// <summary>
/// One resource's step. <see cref="Inputs"/> are the declared inputs with references resolved where known
/// (<see cref="UnknownValue"/> where not) and secrets still marked; <see cref="Diffs"/> hold masked values.
/// </summary>
public sealed record PlanStep(
    Urn Urn,
    string Type,
    StepKind Kind,
    JsonObject Inputs,
    IReadOnlyList<PropertyDiff> Diffs,
    ResourceState? Old,
    ResourceDeclaration? Declaration)
{
    /// <summary>Why a replacement was forced rather than decided by the provider's diff (shown in plans); null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>Replaced because <c>--replace</c> named it: apply replaces it too, even though nothing changed.</summary>
    public bool ReplaceRequested { get; init; }
}
