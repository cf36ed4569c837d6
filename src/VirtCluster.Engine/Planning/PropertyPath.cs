using System.Text.Json.Nodes;

namespace VirtCluster.Engine.Planning;

/// <summary>
/// A dotted path into input objects (<c>disk</c>, <c>disk.size</c>), as the ignoreChanges and replaceOnChanges
/// options name properties. Only object members are addressed; a path through anything else finds nothing.
/// </summary>
public static class PropertyPath
{
    /// <summary>True and the value (a copy-free reference) when every segment exists.</summary>
    public static bool TryGet(JsonObject root, string path, out JsonNode? value)
    {
        value = null;
        JsonNode? node = root;
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out node))
            {
                return false;
            }
        }

        value = node;
        return true;
    }

    /// <summary>
    /// Makes <paramref name="target"/> hold at <paramref name="path"/> what <paramref name="source"/> holds there (a
    /// copy), or nothing when the source has nothing there. Missing parent objects in the target are created.
    /// </summary>
    public static void CopyFrom(JsonObject source, JsonObject target, string path)
    {
        var segments = path.Split('.');
        var found = TryGet(source, path, out var value);
        var parent = target;
        foreach (var segment in segments[..^1])
        {
            if (parent[segment] is JsonObject child)
            {
                parent = child;
                continue;
            }

            if (!found)
            {
                return; // Nothing to remove, and nothing to build a parent for.
            }

            parent[segment] = child = [];
            parent = child;
        }

        if (found)
        {
            parent[segments[^1]] = value?.DeepClone();
        }
        else
        {
            parent.Remove(segments[^1]);
        }
    }
}
