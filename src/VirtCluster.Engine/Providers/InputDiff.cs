using System.Text.Json.Nodes;

namespace VirtCluster.Engine.Providers;

/// <summary>
/// The usual Diff: compare old and new inputs property by property (deep, JSON equality), and classify each
/// changed top-level property by a rule the provider gives. Most providers need nothing more.
/// </summary>
public static class InputDiff
{
    /// <param name="old">Recorded inputs.</param>
    /// <param name="new">New inputs.</param>
    /// <param name="kindOf">How changing a top-level property is applied; unknown properties default to Replace.</param>
    public static DiffResult Compare(JsonObject old, JsonObject @new, Func<string, DiffKind> kindOf)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in old)
        {
            keys.Add(key);
        }

        foreach (var (key, _) in @new)
        {
            keys.Add(key);
        }

        var diffs = new List<PropertyDiff>();
        foreach (var key in keys)
        {
            old.TryGetPropertyValue(key, out var before);
            @new.TryGetPropertyValue(key, out var after);
            if (!JsonNode.DeepEquals(before, after))
            {
                diffs.Add(new PropertyDiff(key, before?.DeepClone(), after?.DeepClone(), kindOf(key)));
            }
        }

        return DiffResult.Of(diffs);
    }
}
