using System.Globalization;
using System.Text;
using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Runners;

/// <summary>
/// Which nodes a run uses and how many ranks each may take (the hostfile's slots), so that Open MPI's mapping
/// gives the placement the suite asks for without oversubscribing.
/// </summary>
/// <param name="Placement">The placement actually measured (see <see cref="For"/>).</param>
/// <param name="Hostfile">Hostfile text: one <c>HOST slots=N</c> line per node used.</param>
/// <param name="Nodes">Number of nodes the ranks are spread over.</param>
/// <param name="Note">Why the placement differs from the requested one; null when it does not.</param>
public sealed record NodeLayout(Placement Placement, string Hostfile, int Nodes, string? Note)
{
    /// <summary>
    /// Intra- and inter-socket pairs go on the first node alone. Inter-node runs put one rank per node; when
    /// the target has fewer nodes than ranks (bare metal is usually one machine) the ranks share the first
    /// node as an intra-socket pair instead, and <see cref="Note"/> says so, because no inter-node number
    /// can be measured there and a shared-memory number must not be labelled inter-node.
    /// Runs without a placement spread ranks evenly over as few nodes as that takes.
    /// </summary>
    public static NodeLayout For(Placement requested, int processes, IReadOnlyList<string> nodes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processes, 1);
        if (nodes.Count == 0)
        {
            throw new ArgumentException("a target needs at least one node", nameof(nodes));
        }

        switch (requested)
        {
            case Placement.IntraSocket or Placement.InterSocket:
                return new NodeLayout(requested, Lines(nodes.Take(1), processes), 1, null);
            case Placement.InterNode when nodes.Count >= processes:
                return new NodeLayout(requested, Lines(nodes.Take(processes), 1), processes, null);
            case Placement.InterNode:
                return new NodeLayout(Placement.IntraSocket, Lines(nodes.Take(1), processes), 1,
                    string.Create(CultureInfo.InvariantCulture,
                        $"inter-node needs {processes} nodes and the target has {nodes.Count}: measured intra-socket on {nodes[0]}"));
            default:
                var slots = (processes + nodes.Count - 1) / nodes.Count;
                var used = (processes + slots - 1) / slots;
                return new NodeLayout(requested, Lines(nodes.Take(used), slots), used, null);
        }
    }

    private static string Lines(IEnumerable<string> nodes, int slots)
    {
        var text = new StringBuilder();
        foreach (var node in nodes)
        {
            text.Append(CultureInfo.InvariantCulture, $"{node} slots={slots}\n");
        }

        return text.ToString();
    }
}
