using System.Globalization;
using System.Text;
using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Runners;

/// <summary>
/// Which nodes a run uses and how many ranks each may take (the hostfile's slots), so that Open MPI's mapping
/// gives the placement the suite asks for without oversubscribing.
/// </summary>
/// <param name="Placement">The placement actually measured (see <see cref="For(Placement, int, IReadOnlyList{string})"/>).</param>
/// <param name="Hostfile">Hostfile text: one <c>HOST slots=N</c> line per node used.</param>
/// <param name="Nodes">Number of nodes the ranks are spread over.</param>
/// <param name="Note">Why the placement differs from the requested one; null when it does not.</param>
public sealed record NodeLayout(Placement Placement, string Hostfile, int Nodes, string? Note)
{
    /// <summary>
    /// Rankfile text (<c>rank R=HOST slot=CPU</c>) binding each rank of a single-threaded run spread over several
    /// nodes to its own core; null to leave mapping and binding to the placement's options. Without it Open MPI binds
    /// the one rank of every node to that node's core 0, which is right on separate machines but puts every rank on
    /// the same core when the "nodes" share one machine's cores (simulated hosts, or VMs pinned alike on one host).
    /// Rank R goes to CPU R mod the nodes' CPU count, so that on separate machines each rank still has a core to itself.
    /// </summary>
    public string? Rankfile { get; init; }

    /// <summary>
    /// <see cref="For(Placement, int, IReadOnlyList{string})"/>, with a rankfile when the run is single-threaded, spreads
    /// its ranks over more than one node, is inter-node or without a placement, and the nodes have more than one CPU.
    /// </summary>
    /// <param name="requested">The suite's placement.</param>
    /// <param name="processes">MPI ranks.</param>
    /// <param name="threads">OpenMP threads per rank.</param>
    /// <param name="cpus">Logical CPUs of each node (the launching node's count: nodes of one target are alike).</param>
    /// <param name="nodes">The target's nodes, first node first.</param>
    public static NodeLayout For(Placement requested, int processes, int threads, int cpus, IReadOnlyList<string> nodes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cpus, 1);
        var layout = For(requested, processes, nodes);
        // With one CPU per node every rank is on CPU 0 either way: the placement's own options say the same.
        if (cpus < 2 || layout.Nodes < 2 || threads != 1 || layout.Placement is not (Placement.InterNode or Placement.None))
        {
            return layout;
        }

        var perNode = (processes + layout.Nodes - 1) / layout.Nodes;
        var text = new StringBuilder();
        for (var rank = 0; rank < processes; rank++)
        {
            text.Append(CultureInfo.InvariantCulture, $"rank {rank}={nodes[rank / perNode]} slot={rank % cpus}\n");
        }

        return layout with { Rankfile = text.ToString() };
    }

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
