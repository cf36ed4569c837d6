using System.Text;
using VirtCluster.Engine.Deployment;

namespace VirtCluster.Engine.Progress;

/// <summary>What refresh found, as text.</summary>
public static class DriftRenderer
{
    public static string Text(string stack, RefreshResult result)
    {
        var text = new StringBuilder();
        text.Append("Refreshing stack ").Append(stack).AppendLine(":");
        if (result.Drifts.Count == 0)
        {
            text.AppendLine("  no drift");
        }

        foreach (var drift in result.Drifts)
        {
            text.Append(drift.Kind == DriftKind.Deleted ? "  -  deleted  " : "  ~  changed  ").AppendLine(drift.Urn.Value);
            foreach (var p in drift.Properties)
            {
                text.Append("        ").Append(p.Path).Append(": ")
                    .Append(DisplayJson.Format(p.Old)).Append(" => ").AppendLine(DisplayJson.Format(p.New));
            }
        }

        var changed = result.Drifts.Count(d => d.Kind == DriftKind.Changed);
        var deleted = result.Drifts.Count(d => d.Kind == DriftKind.Deleted);
        text.AppendLine()
            .Append($"Drift: {changed} changed, {deleted} deleted, {result.Unchanged} unchanged")
            .AppendLine(result.Recorded ? " (recorded)" : " (not recorded)");
        return text.ToString();
    }
}
