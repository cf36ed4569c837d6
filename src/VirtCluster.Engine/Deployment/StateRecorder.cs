using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Deployment;

/// <summary>
/// The one place where a run changes state: each change is written durably to the store (unless this is a
/// preview) and then applied to the working copy, under one lock so parallel operations record in order.
/// </summary>
internal sealed class StateRecorder(IStateStore store, StackState state, bool persist)
{
    private readonly Lock _gate = new();

    public StackState State => state;

    /// <summary>How many changes were recorded; zero means the checkpoint need not be rewritten.</summary>
    public int Changes { get; private set; }

    public void Record(StateChange change)
    {
        lock (_gate)
        {
            if (persist)
            {
                store.Append(change);
            }

            state.Apply(change);
            Changes++;
        }

        if (persist)
        {
            // A pending record must be on disk before the provider acts; parallel operations share the fsync.
            if (change is PendingRecorded)
            {
                store.Sync();
            }

            CrashHook.Step();
        }
    }

    public ResourceState? Get(Urn urn)
    {
        lock (_gate)
        {
            return state.Resources.GetValueOrDefault(urn);
        }
    }

    public JsonObject? OutputsOf(Urn urn) => Get(urn)?.Outputs;
}
