using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Secrets;

namespace VirtCluster.Engine.State;

/// <summary>
/// Turns state into JSON for files and back. Secrets are written as <c>{"$encrypted": "..."}</c> through the
/// <see cref="ISecretsProvider"/>, never in plaintext; reading turns them back into <see cref="SecretValue"/> markers.
/// </summary>
public sealed class StateCodec(Func<ISecretsProvider>? secrets)
{
    public const string EncryptedMarker = "$encrypted";

    public JsonObject Write(ResourceState resource)
    {
        var obj = new JsonObject
        {
            ["urn"] = resource.Urn.Value,
            ["type"] = resource.Type,
            ["id"] = resource.Id,
            ["inputs"] = Encrypt(resource.Inputs),
            ["outputs"] = Encrypt(resource.Outputs),
            ["dependencies"] = new JsonArray([.. resource.Dependencies.Select(d => (JsonNode)d.Value)]),
            ["parent"] = resource.Parent?.Value,
        };
        if (resource.IsComponent)
        {
            obj["component"] = true;
        }

        return obj;
    }

    public ResourceState ReadResource(JsonNode? node)
    {
        var obj = node as JsonObject ?? throw new FormatException("a resource entry is not an object");
        return new ResourceState(
            new Urn(Required(obj, "urn")),
            Required(obj, "type"),
            obj["id"]?.GetValue<string>(),
            Decrypt(obj["inputs"] as JsonObject ?? throw new FormatException("resource has no inputs")),
            Decrypt(obj["outputs"] as JsonObject ?? throw new FormatException("resource has no outputs")),
            [.. (obj["dependencies"] as JsonArray ?? []).Select(d => new Urn(d!.GetValue<string>()))],
            obj["parent"]?.GetValue<string>() is { } parent ? new Urn(parent) : null,
            obj["component"]?.GetValue<bool>() ?? false);
    }

    public JsonObject Write(PendingOperation pending)
    {
        var obj = new JsonObject
        {
            ["kind"] = pending.Kind.ToString().ToLowerInvariant(),
            ["resource"] = Write(pending.Resource),
        };
        if (pending.Previous is not null)
        {
            obj["previous"] = Write(pending.Previous);
        }

        return obj;
    }

    public PendingOperation ReadPending(JsonNode? node)
    {
        var obj = node as JsonObject ?? throw new FormatException("a pending operation is not an object");
        var kind = Required(obj, "kind") switch
        {
            "create" => OperationKind.Create,
            "update" => OperationKind.Update,
            "delete" => OperationKind.Delete,
            var other => throw new FormatException($"unknown pending operation kind '{other}'"),
        };
        return new PendingOperation(kind, ReadResource(obj["resource"]), obj["previous"] is { } previous ? ReadResource(previous) : null);
    }

    public JsonObject Encrypt(JsonObject value) =>
        SecretValue.Transform(value, inner => new JsonObject
        {
            [EncryptedMarker] = Secrets().Encrypt(inner?.ToJsonString() ?? "null"),
        })!.AsObject();

    public JsonObject Decrypt(JsonObject value) => (JsonObject)DecryptNode(value)!;

    private JsonNode? DecryptNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 1 && obj[EncryptedMarker] is JsonValue cipher:
                return SecretValue.Wrap(JsonNode.Parse(Secrets().Decrypt(cipher.GetValue<string>())));
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    copy[key] = DecryptNode(child);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(DecryptNode)]);
            default:
                return node?.DeepClone();
        }
    }

    private ISecretsProvider Secrets() =>
        secrets?.Invoke() ?? throw new StateException(
            "the state holds secret values but no secrets provider is configured (set VIRTCLUSTER_CONFIG_PASSPHRASE)");

    private static string Required(JsonObject obj, string key) =>
        obj[key]?.GetValue<string>() ?? throw new FormatException($"missing '{key}'");
}
