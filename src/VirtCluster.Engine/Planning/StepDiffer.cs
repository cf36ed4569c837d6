using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Planning;

/// <summary>
/// Asks a provider how a recorded resource must change. The provider sees plaintext; the property diffs that come
/// back are masked wherever either side was secret, so they can be shown and logged.
/// </summary>
public static class StepDiffer
{
    /// <summary>The reason shown for a replacement asked for with <c>--replace</c>.</summary>
    public const string ReplaceRequested = "--replace";

    /// <summary>
    /// The step for a declared resource that is recorded: the provider's diff of the inputs after ignoreChanges, made a
    /// replacement where replaceOnChanges or <paramref name="replaceRequested"/> says so. Planning and apply both
    /// decide here, so a step is applied for the reason it was planned.
    /// </summary>
    public static StepDecision Decide(IResourceProvider? provider, ResourceState old, ResourceDeclaration declaration, JsonObject inputs, bool replaceRequested)
    {
        var options = declaration.Options;
        var effective = IgnoreChanges.Apply(inputs, old.Inputs, options.IgnoreChanges);
        var (kind, diffs) = Diff(provider, old, declaration.Type, effective);
        string? reason = null;
        var forcing = options.ReplaceOnChanges.Count == 0 || old.Type != declaration.Type
            ? []
            : ChangedPaths(old.Inputs, effective, options.ReplaceOnChanges, diffs);
        if (forcing.Count > 0)
        {
            diffs = ForceReplace(diffs, forcing, old.Inputs, effective);
            reason = kind == StepKind.Replace ? null : "replaceOnChanges: " + string.Join(", ", forcing);
            kind = StepKind.Replace;
        }

        if (replaceRequested)
        {
            (kind, reason) = (StepKind.Replace, ReplaceRequested);
        }

        return new StepDecision(kind, diffs, effective, reason);
    }

    public static (StepKind Kind, IReadOnlyList<PropertyDiff> Diffs) Diff(IResourceProvider? provider, ResourceState old, string type, JsonObject newInputs)
    {
        if (old.Type != type)
        {
            return (StepKind.Replace, [new PropertyDiff("(type)", old.Type, type, DiffKind.Replace)]);
        }

        if (provider is null)
        {
            return (StepKind.Same, []);
        }

        var snapshot = new ResourceSnapshot(old.Urn, old.Id, SecretValue.RevealObject(old.Inputs), SecretValue.RevealObject(old.Outputs));
        var result = provider.Diff(snapshot, SecretValue.RevealObject(newInputs));
        var diffs = result.Properties.Select(d => Masked(d, old.Inputs, newInputs)).ToList();
        var kind = result.Kind switch
        {
            DiffKind.Same => StepKind.Same,
            DiffKind.Update => StepKind.Update,
            DiffKind.UpdateRestart => StepKind.UpdateRestart,
            _ => StepKind.Replace,
        };
        return (kind, diffs);
    }

    private static PropertyDiff Masked(PropertyDiff diff, JsonObject oldInputs, JsonObject newInputs)
    {
        var top = TopLevel(diff.Path);
        var secret = SecretValue.ContainsSecret(oldInputs[top]) || SecretValue.ContainsSecret(newInputs[top]);
        var unknown = UnknownValue.ContainsUnknown(newInputs[top]);
        return diff with
        {
            Old = secret ? SecretValue.Masked : diff.Old,
            New = unknown ? UnknownValue.Create() : secret ? SecretValue.Masked : diff.New,
        };
    }

    /// <summary>The replaceOnChanges entries whose value changed (<c>*</c> stands for any changed property).</summary>
    private static List<string> ChangedPaths(JsonObject oldInputs, JsonObject newInputs, IReadOnlyList<string> entries, IReadOnlyList<PropertyDiff> diffs)
    {
        var changed = new List<string>();
        foreach (var entry in entries)
        {
            if (entry == "*")
            {
                changed.AddRange(diffs.Where(d => d.Kind != DiffKind.Same).Select(d => d.Path).Where(p => !changed.Contains(p)));
                continue;
            }

            var hadOld = PropertyPath.TryGet(oldInputs, entry, out var before);
            var hasNew = PropertyPath.TryGet(newInputs, entry, out var after);
            if ((hadOld != hasNew || !JsonNode.DeepEquals(before, after)) && !changed.Contains(entry))
            {
                changed.Add(entry);
            }
        }

        return changed;
    }

    /// <summary>Marks the property diffs under the forcing paths as replacements, adding one where the provider listed none.</summary>
    private static List<PropertyDiff> ForceReplace(IReadOnlyList<PropertyDiff> diffs, IReadOnlyList<string> forcing, JsonObject oldInputs, JsonObject newInputs)
    {
        static bool Covers(string a, string b) => a == b || b.StartsWith(a + ".", StringComparison.Ordinal) || a.StartsWith(b + ".", StringComparison.Ordinal);

        var result = diffs.Select(d => forcing.Any(f => Covers(f, d.Path)) ? d with { Kind = DiffKind.Replace } : d).ToList();
        foreach (var path in forcing.Where(f => !diffs.Any(d => Covers(f, d.Path))))
        {
            PropertyPath.TryGet(oldInputs, path, out var before);
            PropertyPath.TryGet(newInputs, path, out var after);
            result.Add(Masked(new PropertyDiff(path, before?.DeepClone(), after?.DeepClone(), DiffKind.Replace), oldInputs, newInputs));
        }

        return result;
    }

    private static string TopLevel(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }
}
