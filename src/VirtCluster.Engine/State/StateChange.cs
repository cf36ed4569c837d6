using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.State;

/// <summary>
/// One durable change to a stack's state: a journal record. Writing one costs in proportion to the resource it
/// concerns, not to the whole stack.
/// </summary>
public abstract record StateChange;

/// <summary>An operation is about to start.</summary>
public sealed record PendingRecorded(PendingOperation Operation) : StateChange;

/// <summary>A resource now exists with this state (created, updated, adopted, refreshed).</summary>
public sealed record ResourceCommitted(ResourceState Resource) : StateChange;

/// <summary>A resource no longer exists (deleted, or found gone).</summary>
public sealed record ResourceRemoved(Urn Urn) : StateChange;

/// <summary>A started operation turned out to have changed nothing (it failed before acting, or was resolved).</summary>
public sealed record PendingCleared(Urn Urn) : StateChange;
