using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;

namespace VirtCluster.Engine.Deployment;

/// <summary>A failed operation: which resource, what was being done, and why.</summary>
public sealed record ResourceFailure(Urn Urn, StepKind Kind, string Message)
{
    public override string ToString() => ResourceOperationException.Describe(Kind, Urn, Message);
}

/// <summary>What a run did.</summary>
/// <param name="Plan">The plan it carried out (empty when there was nothing to do).</param>
/// <param name="Counts">Operations actually done.</param>
/// <param name="Failures">Failed operations; empty on success.</param>
/// <param name="NotRun">Resources left alone because of a failure.</param>
/// <param name="Outputs">Stack outputs after the run (secrets marked).</param>
/// <param name="Duration">Wall time.</param>
/// <param name="Confirmed">False when the caller declined the plan and nothing was done.</param>
public sealed record DeploymentResult(
    Plan Plan,
    ChangeCounts Counts,
    IReadOnlyList<ResourceFailure> Failures,
    IReadOnlyList<Urn> NotRun,
    JsonObject Outputs,
    TimeSpan Duration,
    bool Confirmed = true)
{
    public bool Succeeded => Failures.Count == 0;
}
