namespace VirtCluster.Engine.State;

/// <summary>
/// Where a stack's state lives. Changes are appended durably one at a time while a run works, and folded into a
/// checkpoint at the end, so each operation costs in proportion to what it changed.
/// </summary>
public interface IStateStore
{
    /// <summary>Where the state is, for messages (a file path, or "memory").</summary>
    string Location { get; }

    /// <summary>Bytes written so far (journal records and checkpoints): lets benchmarks check write costs.</summary>
    long BytesWritten { get; }

    /// <summary>
    /// Whether any run has recorded this stack (a checkpoint or a journal): verbs that only read state can then
    /// tell a stack that was never stood up from one that has nothing in it, instead of showing an empty stack.
    /// </summary>
    bool Exists { get; }

    /// <summary>Takes the stack's exclusive lock; throws <see cref="StackLockedException"/> when another run holds it.</summary>
    IDisposable Lock(bool forceUnlock);

    /// <summary>The checkpoint with every journalled change replayed on top; an empty state for a new stack.</summary>
    StackState Load();

    /// <summary>Records one change, in order. It is durable after the next <see cref="Sync"/>.</summary>
    void Append(StateChange change);

    /// <summary>
    /// Makes everything appended so far durable. Called after each pending record (before the provider acts);
    /// concurrent callers share one fsync. Outcome records need no sync of their own: if one is lost, its pending
    /// record is resolved by the provider's Read on the next run.
    /// </summary>
    void Sync();

    /// <summary>Replaces the checkpoint with <paramref name="state"/> atomically and drops the journal.</summary>
    void Checkpoint(StackState state);
}
