using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.State;

/// <summary>
/// The recorded state of one stack: resources by URN, operations started but not known to have finished, and the
/// stack outputs. Mutated only by the engine's single coordinating thread (or under its lock).
/// </summary>
public sealed class StackState
{
    private readonly Dictionary<Urn, ResourceState> _resources = [];
    private readonly Dictionary<Urn, PendingOperation> _pending = [];

    public IReadOnlyDictionary<Urn, ResourceState> Resources => _resources;

    public IReadOnlyDictionary<Urn, PendingOperation> Pending => _pending;

    public JsonObject Outputs { get; set; } = [];

    /// <summary>The checkpoint generation this state was loaded from (the journal names it, to detect stale journals).</summary>
    public long Generation { get; set; }

    public void Apply(StateChange change)
    {
        switch (change)
        {
            case PendingRecorded p:
                _pending[p.Operation.Resource.Urn] = p.Operation;
                break;
            case ResourceCommitted c:
                _pending.Remove(c.Resource.Urn);
                _resources[c.Resource.Urn] = c.Resource;
                break;
            case ResourceRemoved r:
                _pending.Remove(r.Urn);
                _resources.Remove(r.Urn);
                break;
            case PendingCleared r:
                _pending.Remove(r.Urn);
                break;
        }
    }

    /// <summary>Resources with every dependency before its dependents (ties in URN order, for stable files and plans).</summary>
    public IReadOnlyList<ResourceState> InDependencyOrder() =>
        TopologicalOrder.Sort(_resources.Values.OrderBy(r => r.Urn).ToList(), r => r.Urn, r => r.Dependencies.Append(r.Parent).OfType<Urn>());

    public StackState Clone()
    {
        var copy = new StackState { Outputs = Outputs.DeepClone().AsObject(), Generation = Generation };
        foreach (var (urn, resource) in _resources)
        {
            copy._resources.Add(urn, resource);
        }

        foreach (var (urn, pending) in _pending)
        {
            copy._pending.Add(urn, pending);
        }

        return copy;
    }
}
