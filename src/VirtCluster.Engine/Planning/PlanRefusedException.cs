namespace VirtCluster.Engine.Planning;

/// <summary>A plan was refused before anything changed (exit code 2); the plan is kept so it can be shown.</summary>
/// <param name="plan">The plan, with its <see cref="Plan.Refusals"/>.</param>
/// <param name="verb"><c>up</c> or <c>destroy</c>; <c>preview</c> when only showing what up would refuse.</param>
public sealed class PlanRefusedException(Plan plan, string verb)
    : Exception((verb == "preview" ? "up would be refused:" : $"{verb} refused; nothing was changed:")
        + string.Concat(plan.Refusals.Select(r => Environment.NewLine + "  " + r)))
{
    public Plan Plan { get; } = plan;
}
