using VirtCluster.Engine.Config;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Planning;

/// <summary>
/// Expands <c>--target</c> URNs with everything that depends on them (in the program and in recorded state), so
/// a targeted change never leaves a dependent pointing at something that moved.
/// </summary>
public static class TargetSet
{
    /// <returns>Null when no target was given (everything is in scope).</returns>
    public static IReadOnlySet<Urn>? Expand(IReadOnlyList<Urn> targets, IReadOnlyList<ResourceDeclaration> declared, StackState state)
    {
        if (targets.Count == 0)
        {
            return null;
        }

        var dependents = new Dictionary<Urn, List<Urn>>();
        void Edge(Urn from, Urn to)
        {
            if (!dependents.TryGetValue(from, out var list))
            {
                dependents[from] = list = [];
            }

            list.Add(to);
        }

        foreach (var d in declared)
        {
            foreach (var dep in d.Dependencies.Append(d.Parent).OfType<Urn>())
            {
                Edge(dep, d.Urn);
            }
        }

        foreach (var r in state.Resources.Values)
        {
            foreach (var dep in r.Dependencies.Append(r.Parent).OfType<Urn>())
            {
                Edge(dep, r.Urn);
            }
        }

        var known = declared.Select(d => d.Urn).Concat(state.Resources.Keys).ToHashSet();
        var result = new HashSet<Urn>();
        var queue = new Queue<Urn>();
        foreach (var target in targets)
        {
            if (!known.Contains(target))
            {
                throw new ConfigException($"--target '{target}' names no resource of the program or the stack's state");
            }

            queue.Enqueue(target);
        }

        while (queue.TryDequeue(out var urn))
        {
            if (result.Add(urn))
            {
                foreach (var next in dependents.GetValueOrDefault(urn) ?? [])
                {
                    queue.Enqueue(next);
                }
            }
        }

        return result;
    }
}
