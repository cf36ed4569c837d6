using VirtCluster.Engine.Config;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Planning;

/// <summary>
/// Checks the URNs given with <c>--replace</c>: each must name a resource of the program or the state, since a
/// mistyped URN would otherwise replace nothing and say nothing.
/// </summary>
public static class ReplaceSet
{
    /// <returns>Null when none was given.</returns>
    public static IReadOnlySet<Urn>? Resolve(IReadOnlyList<Urn> replace, IReadOnlyList<ResourceDeclaration> declared, StackState state)
    {
        if (replace.Count == 0)
        {
            return null;
        }

        var known = declared.Select(d => d.Urn).Concat(state.Resources.Keys).ToHashSet();
        foreach (var urn in replace.Where(u => !known.Contains(u)))
        {
            var similar = Similar(urn, known);
            throw new ConfigException($"--replace '{urn}' names no resource of the program or the stack's state; "
                + (similar.Count > 0 ? "similar: " + string.Join(", ", similar) : "preview -v lists every resource"));
        }

        return replace.ToHashSet();
    }

    /// <summary>Up to three URNs a typo away, closest first.</summary>
    private static List<Urn> Similar(Urn written, IEnumerable<Urn> known) =>
    [
        .. known
            .Select(u => (Urn: u, Distance: KeySuggestion.Distance(written.Value, u.Value)))
            .Where(c => c.Distance <= Math.Max(2, written.Value.Length / 10) || c.Urn.Name == written.Name)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Urn)
            .Take(3)
            .Select(c => c.Urn),
    ];
}
