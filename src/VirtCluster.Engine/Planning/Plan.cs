namespace VirtCluster.Engine.Planning;

/// <summary>
/// Every declared resource's step in declaration (dependency) order, then the deletes in reverse dependency
/// order; with a count per step kind.
/// </summary>
public sealed record Plan(string Stack, IReadOnlyList<PlanStep> Steps)
{
    public IReadOnlyDictionary<StepKind, int> Counts { get; } =
        Enum.GetValues<StepKind>().ToDictionary(k => k, k => Steps.Count(s => s.Kind == k));

    public ChangeCounts Totals => ChangeCounts.Of(Steps.Select(s => s.Kind));

    public bool HasChanges => Steps.Any(s => s.Kind != StepKind.Same);
}
