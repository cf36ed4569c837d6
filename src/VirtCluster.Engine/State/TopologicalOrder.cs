namespace VirtCluster.Engine.State;

/// <summary>Orders items so that each comes after the items it depends on (Kahn's algorithm, stable).</summary>
public static class TopologicalOrder
{
    /// <param name="items">Items in their preferred order; ties keep it.</param>
    /// <param name="keyOf">An item's key.</param>
    /// <param name="dependenciesOf">Keys an item depends on; keys not among the items are ignored.</param>
    public static IReadOnlyList<T> Sort<T, TKey>(IReadOnlyList<T> items, Func<T, TKey> keyOf, Func<T, IEnumerable<TKey>> dependenciesOf)
        where TKey : notnull
    {
        var index = new Dictionary<TKey, int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            index[keyOf(items[i])] = i;
        }

        var remaining = new int[items.Count];
        var dependents = new List<int>[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            dependents[i] = [];
        }

        for (var i = 0; i < items.Count; i++)
        {
            foreach (var dep in dependenciesOf(items[i]).Distinct())
            {
                if (index.TryGetValue(dep, out var d) && d != i)
                {
                    remaining[i]++;
                    dependents[d].Add(i);
                }
            }
        }

        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (remaining[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var result = new List<T>(items.Count);
        while (ready.TryDequeue(out var next, out _))
        {
            result.Add(items[next]);
            foreach (var dependent in dependents[next])
            {
                if (--remaining[dependent] == 0)
                {
                    ready.Enqueue(dependent, dependent);
                }
            }
        }

        if (result.Count != items.Count)
        {
            throw new InvalidOperationException("the resources' dependencies form a cycle");
        }

        return result;
    }
}
