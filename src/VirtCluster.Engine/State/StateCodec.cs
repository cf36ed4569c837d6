using System.Globalization;
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

        WriteOptions(resource.Options, obj);
        return obj;
    }

    public ResourceState ReadResource(JsonNode? node)
    {
        var obj = node as JsonObject ?? throw new FormatException("a resource entry is not an object");
        var resource = new ResourceState(
            new Urn(Required(obj, "urn")),
            Required(obj, "type"),
            obj["id"]?.GetValue<string>(),
            Decrypt(obj["inputs"] as JsonObject ?? throw new FormatException("resource has no inputs")),
            Decrypt(obj["outputs"] as JsonObject ?? throw new FormatException("resource has no outputs")),
            [.. (obj["dependencies"] as JsonArray ?? []).Select(d => new Urn(d!.GetValue<string>()))],
            obj["parent"]?.GetValue<string>() is { } parent ? new Urn(parent) : null,
            obj["component"]?.GetValue<bool>() ?? false);
        var options = ReadOptions(obj);
        return options == RecordedOptions.Default ? resource : resource with { Options = options };
    }

    /// <summary>Only options that differ from the default are written, so state files without options stay as they were.</summary>
    private static void WriteOptions(RecordedOptions options, JsonObject into)
    {
        if (options.Protect)
        {
            into["protect"] = true;
        }

        if (options.RetainOnDelete)
        {
            into["retainOnDelete"] = true;
        }

        if (options.DeleteTimeout is { } timeout)
        {
            into["deleteTimeout"] = timeout.ToString("c", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>An absent option is its default: state written before options existed reads unchanged.</summary>
    private static RecordedOptions ReadOptions(JsonObject obj) => new(
        obj["protect"]?.GetValue<bool>() ?? false,
        obj["retainOnDelete"]?.GetValue<bool>() ?? false,
        obj["deleteTimeout"]?.GetValue<string>() is { } text ? Duration(text) : null);

    private static TimeSpan Duration(string text) =>
        TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var duration) && duration > TimeSpan.Zero
            ? duration
            : throw new FormatException($"'deleteTimeout' is not a positive duration such as 00:05:00: '{text}'");

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
