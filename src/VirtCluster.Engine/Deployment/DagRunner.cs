namespace VirtCluster.Engine.Deployment;

/// <summary>
/// Runs a dependency graph with at most N operations at once and one at a time per concurrency key. After a
/// failure the operations in flight finish and no new ones start, unless asked to continue (then only what
/// depends on the failure is left out). Once the token is cancelled no new operation starts either; the running
/// ones see the token and finish or stop.
/// </summary>
public static class DagRunner
{
    public static async Task<(NodeStatus[] Status, Exception?[] Errors)> RunAsync(
        IReadOnlyList<DagNode> nodes, int parallelism, bool continueOnError, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var status = new NodeStatus[nodes.Count];
        var errors = new Exception?[nodes.Count];
        var remaining = new int[nodes.Count];
        var dependents = new List<int>?[nodes.Count];
        var ready = new Queue<int>();
        for (var i = 0; i < nodes.Count; i++)
        {
            remaining[i] = nodes[i].Prerequisites.Count;
            foreach (var p in nodes[i].Prerequisites)
            {
                (dependents[p] ??= []).Add(i);
            }

            if (remaining[i] == 0)
            {
                ready.Enqueue(i);
            }
        }

        var waitingForKey = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        var busyKeys = new HashSet<string>(StringComparer.Ordinal);
        var running = new Dictionary<Task, (int Node, string? Key)>();
        var stopped = false;
        while (true)
        {
            while (!stopped && !cancellationToken.IsCancellationRequested && running.Count < parallelism && ready.TryDequeue(out var next))
            {
                string? key;
                try
                {
                    key = nodes[next].ConcurrencyKey();
                }
                catch (Exception e)
                {
                    (status[next], errors[next]) = (NodeStatus.Failed, e);
                    stopped |= !continueOnError;
                    continue;
                }

                if (key is not null && !busyKeys.Add(key))
                {
                    if (!waitingForKey.TryGetValue(key, out var queue))
                    {
                        waitingForKey[key] = queue = new Queue<int>();
                    }

                    queue.Enqueue(next);
                    continue;
                }

                var work = nodes[next].Work;
                running.Add(Task.Run(() => work(cancellationToken), CancellationToken.None), (next, key));
            }

            if (running.Count == 0)
            {
                break;
            }

            var done = await Task.WhenAny(running.Keys).ConfigureAwait(false);
            var (node, doneKey) = running[done];
            running.Remove(done);
            if (doneKey is not null)
            {
                busyKeys.Remove(doneKey);
                if (waitingForKey.TryGetValue(doneKey, out var queue) && queue.TryDequeue(out var waiter))
                {
                    ready.Enqueue(waiter);
                }
            }

            if (done.IsCompletedSuccessfully)
            {
                status[node] = NodeStatus.Succeeded;
                foreach (var dependent in dependents[node] ?? [])
                {
                    if (--remaining[dependent] == 0)
                    {
                        ready.Enqueue(dependent);
                    }
                }
            }
            else
            {
                status[node] = NodeStatus.Failed;
                errors[node] = done.Exception?.InnerException ?? new OperationCanceledException();
                stopped |= !continueOnError;
            }
        }

        return (status, errors);
    }
}
