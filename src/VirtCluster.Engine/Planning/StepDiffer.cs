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

    private static string TopLevel(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }
}
