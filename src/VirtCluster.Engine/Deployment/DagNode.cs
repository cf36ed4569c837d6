namespace VirtCluster.Engine.Deployment;

/// <summary>One unit of work in a dependency graph.</summary>
/// <param name="Prerequisites">Indexes of nodes that must succeed first.</param>
/// <param name="ConcurrencyKey">Evaluated when the node is ready; nodes with the same key never run at once.</param>
/// <param name="Work">The operation.</param>
public sealed record DagNode(IReadOnlyList<int> Prerequisites, Func<string?> ConcurrencyKey, Func<CancellationToken, Task> Work);

/// <summary>How a node ended.</summary>
public enum NodeStatus
{
    /// <summary>Not started: a prerequisite failed, or the run stopped after a failure.</summary>
    NotRun,
    Succeeded,
    Failed,
}
