using System.Text;
using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;

namespace VirtCluster.Engine.Progress;

/// <summary>
/// A plan as text for people (changed resources with their property diffs, then the counts) and as JSON for
/// programs (every resource with its inputs). Secrets are always masked.
/// </summary>
public static class PlanRenderer
{
    public static string Text(Plan plan, bool showUnchanged = false)
    {
        var text = new StringBuilder();
        text.Append("Previewing stack ").Append(plan.Stack).AppendLine(":");
        var shown = plan.Steps.Where(s => showUnchanged || s.Kind != StepKind.Same).ToList();
        if (shown.Count == 0)
        {
            text.AppendLine("  no changes");
        }

        var width = shown.Count == 0 ? 0 : shown.Max(s => StepText.Name(s.Kind).Length);
        foreach (var step in shown)
        {
            text.Append("  ").Append(StepText.Symbol(step.Kind).PadRight(3)).Append(StepText.Name(step.Kind).PadRight(width + 2)).Append(step.Urn.Value);
            var notes = Notes(step);
            text.AppendLine(notes.Count == 0 ? "" : "  (" + string.Join("; ", notes) + ")");
            if (step.Kind == StepKind.Create)
            {
                // What the new object will be given only once other resources have run.
                foreach (var (name, value) in step.Inputs.Where(p => UnknownValue.ContainsUnknown(p.Value)))
                {
                    text.Append("        ").Append(name).Append(": ").AppendLine(UnknownValue.Display);
                }
            }

            foreach (var diff in step.Diffs)
            {
                var kind = diff.Kind == Providers.DiffKind.Same ? "" : $" ({StepText.Name(Map(diff.Kind))})";
                text.Append("        ").Append(diff.Path).Append(": ")
                    .Append(DisplayJson.Format(diff.Old)).Append(" => ").Append(DisplayJson.Format(diff.New)).AppendLine(kind);
            }
        }

        AppendDiagnostics(text, plan.Diagnostics);
        var c = plan.Totals;
        text.AppendLine()
            .AppendLine($"Resources: {c.Created} to create, {c.Updated} to update, {c.Replaced} to replace, {c.Deleted} to delete, {c.Unchanged} unchanged");
        return text.ToString();
    }

    public static JsonObject Json(Plan plan) => new()
    {
        ["stack"] = plan.Stack,
        ["steps"] = new JsonArray([.. plan.Steps.Select(step => (JsonNode)new JsonObject
        {
            ["urn"] = step.Urn.Value,
            ["type"] = step.Type,
            ["op"] = StepText.Name(step.Kind),
            ["inputs"] = SecretValue.Mask(step.Inputs),
            ["notes"] = new JsonArray([.. Notes(step).Select(n => (JsonNode)n)]),
            ["diffs"] = new JsonArray([.. step.Diffs.Select(d => (JsonNode)new JsonObject
            {
                ["path"] = d.Path,
                ["old"] = SecretValue.Mask(d.Old),
                ["new"] = SecretValue.Mask(d.New),
                ["kind"] = StepText.Name(Map(d.Kind)),
            })]),
        })]),
        ["counts"] = new JsonObject(plan.Counts.Select(p => KeyValuePair.Create(StepText.Name(p.Key), (JsonNode?)p.Value))),
        ["refusals"] = new JsonArray([.. plan.Refusals.Select(r => (JsonNode)r)]),
        ["diagnostics"] = new JsonArray([.. plan.Diagnostics.Select(d => (JsonNode)new JsonObject
        {
            ["severity"] = Severity(d.Severity),
            ["urn"] = d.Urn?.Value,
            ["message"] = d.Message,
        })]),
    };

    /// <summary>As Pulumi shows them: grouped by resource in the order first said, each line with its severity.</summary>
    private static void AppendDiagnostics(StringBuilder text, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine("Diagnostics:");
        foreach (var group in diagnostics.GroupBy(d => d.Urn?.Value))
        {
            text.Append("  ").Append(group.Key ?? "stack").AppendLine(":");
            foreach (var diagnostic in group)
            {
                text.Append("    ").Append(Severity(diagnostic.Severity)).Append(": ").AppendLine(diagnostic.Message);
            }
        }
    }

    private static string Severity(DiagnosticSeverity severity) => severity == DiagnosticSeverity.Warning ? "warning" : "info";

    /// <summary>
    /// What a reader must know beyond the step's kind: why a replacement was forced (<c>--replace</c>,
    /// <c>replaceOnChanges: x</c>), that a deletion is refused because the resource is protected, or that it only
    /// forgets a retained resource.
    /// </summary>
    public static IReadOnlyList<string> Notes(PlanStep step)
    {
        var notes = new List<string>(1);
        if (step.Reason is { } reason)
        {
            notes.Add(reason);
        }

        var protect = step.Old?.Options.Protect == true;
        if ((step.Kind == StepKind.Delete && protect) || (step.Kind == StepKind.Replace && protect && step.Declaration?.Options.Protect == true))
        {
            notes.Add("protected");
        }

        if (step.Kind == StepKind.Delete && step.Old?.Options.RetainOnDelete == true)
        {
            notes.Add("retainOnDelete: only removed from state");
        }

        return notes;
    }

    private static StepKind Map(Providers.DiffKind kind) => kind switch
    {
        Providers.DiffKind.Update => StepKind.Update,
        Providers.DiffKind.UpdateRestart => StepKind.UpdateRestart,
        Providers.DiffKind.Replace => StepKind.Replace,
        _ => StepKind.Same,
    };
}
