namespace VirtCluster.Bench.Model;

/// <summary>Whether a run produced numbers that may be used; a failed run keeps its reason beside it.</summary>
public enum RunStatus
{
    Ok,
    Failed,
}
