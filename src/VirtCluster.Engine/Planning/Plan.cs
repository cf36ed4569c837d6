using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Planning;

/// <summary>
/// Every declared resource's step in declaration (dependency) order, then the deletes in reverse dependency
/// order; with a count per step kind.
/// </summary>
public sealed record Plan(string Stack, IReadOnlyList<PlanStep> Steps)
{
    /// <summary>
    /// Why the plan must not be carried out (a protected resource would be deleted, ...), one line each naming the
    /// resource and the fix; empty when it may. A refused plan is shown, and nothing is changed.
    /// </summary>
    public IReadOnlyList<string> Refusals { get; init; } = [];

    /// <summary>What the program said about its resources while it ran (shown with the plan).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public IReadOnlyDictionary<StepKind, int> Counts { get; } =
        Enum.GetValues<StepKind>().ToDictionary(k => k, k => Steps.Count(s => s.Kind == k));

    public ChangeCounts Totals => ChangeCounts.Of(Steps.Select(s => s.Kind));

    public bool HasChanges => Steps.Any(s => s.Kind != StepKind.Same);
}
