using System.Text.Json.Nodes;

namespace VirtCluster.Engine.Planning;

/// <summary>
/// Applies the ignoreChanges option: the new inputs take the recorded value of every ignored property (or its
/// absence), so the diff sees no change there and the recorded value is what an update sends and records.
/// </summary>
public static class IgnoreChanges
{
    /// <returns>The inputs unchanged when nothing is ignored; otherwise a copy.</returns>
    public static JsonObject Apply(JsonObject newInputs, JsonObject oldInputs, IReadOnlyList<string> ignored)
    {
        if (ignored.Count == 0)
        {
            return newInputs;
        }

        var result = newInputs.DeepClone().AsObject();
        foreach (var path in ignored)
        {
            PropertyPath.CopyFrom(oldInputs, result, path);
        }

        return result;
    }
}
